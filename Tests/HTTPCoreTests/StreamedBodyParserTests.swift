import Testing
@testable import HTTPCore

/// Streamed bodies at the parser: the request comes out after its head, its body piece by piece,
/// the same bytes however the input is split; the route's limit applies before the body.
@Suite struct StreamedBodyParserTests {
    /// Heads with path /upload stream within `limit`; every other path is buffered within 16 bytes.
    static func parser(limit: Int = 1000) -> RequestParser {
        RequestParser(limits: .small(body: 16)) { head in head.path == "/upload" ? .streamed(limit: limit) : nil }
    }

    struct Run: Equatable {
        var paths: [String] = []
        var bodies: [[UInt8]] = []
        var error: HTTPParseError?
    }

    /// Feeds the chunks, draining requests and streamed body pieces after each.
    static func run(_ chunks: [ArraySlice<UInt8>], limit: Int = 1000) -> Run {
        var parser = parser(limit: limit)
        var run = Run()
        var current: [UInt8]?
        for chunk in chunks {
            parser.append(Array(chunk))
            do {
                while true {
                    if current != nil {
                        let piece = try parser.takeStreamedBody()
                        current?.append(contentsOf: piece.bytes)
                        guard piece.isComplete else { break }
                        run.bodies.append(current ?? [])
                        current = nil
                    }
                    guard let request = try parser.nextRequest() else { break }
                    run.paths.append(request.path)
                    if parser.isStreamingBody { current = [] } else { run.bodies.append(request.body) }
                }
            } catch {
                run.error = error
                return run
            }
        }
        return run
    }

    static func everySplitAgrees(_ text: String, limit: Int = 1000) -> Run {
        let input = bytes(text)
        let whole = run([input[...]], limit: limit)
        for i in 0...input.count {
            let split = run([input[..<i], input[i...]], limit: limit)
            #expect(split == whole, "split at \(i)")
        }
        #expect(run(input.map { [$0][...] }, limit: limit) == whole, "byte by byte")
        return whole
    }

    @Test func fixedLengthBodyStreamsThenTheNextRequestParses() {
        let body = String(repeating: "0123456789", count: 5)
        let outcome = Self.everySplitAgrees("POST /upload HTTP/1.1\r\nHost: a\r\nContent-Length: 50\r\n\r\n\(body)"
                                            + "POST /small HTTP/1.1\r\nHost: a\r\nContent-Length: 3\r\n\r\nabc")
        #expect(outcome == Run(paths: ["/upload", "/small"], bodies: [bytes(body), bytes("abc")]))
    }

    @Test func chunkedBodyStreams() {
        let outcome = Self.everySplitAgrees("POST /upload HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n"
                                            + "5\r\nhello\r\n6\r\n world\r\n0\r\n\r\nGET /next HTTP/1.1\r\nHost: a\r\n\r\n")
        #expect(outcome == Run(paths: ["/upload", "/next"], bodies: [bytes("hello world"), []]))
    }

    @Test func declaredLengthOverTheRouteLimitIsRefusedBeforeTheBody() {
        var parser = Self.parser(limit: 100)
        parser.append(bytes("POST /upload HTTP/1.1\r\nHost: a\r\nContent-Length: 101\r\n\r\n"))
        #expect(throws: HTTPParseError.payloadTooLarge) { try parser.nextRequest() }
    }

    @Test func theLargeLimitIsOnlyTheUploadRoutes() throws {
        var parser = Self.parser(limit: 100)
        parser.append(bytes("POST /other HTTP/1.1\r\nHost: a\r\nContent-Length: 17\r\n\r\n"))
        #expect(throws: HTTPParseError.payloadTooLarge) { try parser.nextRequest() }
        var upload = Self.parser(limit: 100)
        upload.append(bytes("POST /upload HTTP/1.1\r\nHost: a\r\nContent-Length: 17\r\n\r\n"))
        let request = try upload.nextRequest()
        #expect(request?.path == "/upload")
    }

    @Test func chunkedBodyOverTheLimitFailsAtTheChunkThatExceedsIt() {
        let outcome = Self.everySplitAgrees("POST /upload HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n"
                                            + "8\r\n12345678\r\n3\r\nabc", limit: 10)
        #expect(outcome.error == .payloadTooLarge)
        #expect(outcome.paths == ["/upload"])
    }

    @Test func brokenChunkFramingFails() {
        let outcome = Self.everySplitAgrees("POST /upload HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabcX")
        #expect(outcome.error == .badRequest("chunk data not followed by CRLF"))
    }
}
