import Testing
@testable import Multipart

/// The multipart parser on literal bodies, fed whole, split at every boundary and byte by byte.
@Suite struct MultipartParserTests {
    struct Part: Equatable {
        var headers: MultipartPartHeaders
        var data: [UInt8]
    }

    struct Outcome: Equatable {
        var parts: [Part] = []
        var ended = false
        var error: MultipartError?
    }

    static func run(_ chunks: [ArraySlice<UInt8>], boundary: String = "XyZ", limits: MultipartLimits = MultipartLimits()) -> Outcome {
        var outcome = Outcome()
        do {
            var parser = try MultipartParser(boundary: boundary, limits: limits)
            for chunk in chunks {
                for event in try parser.feed(chunk) {
                    switch event {
                    case .partStart(let headers): outcome.parts.append(Part(headers: headers, data: []))
                    case .data(let bytes): outcome.parts[outcome.parts.count - 1].data += bytes
                    case .partEnd: break
                    case .end: outcome.ended = true
                    }
                }
            }
            try parser.finish()
        } catch {
            return Outcome(error: error)  // what came before an error depends on the split; the error must not
        }
        return outcome
    }

    /// The outcome, after checking that every split gives the same.
    static func parse(_ text: String, boundary: String = "XyZ", limits: MultipartLimits = MultipartLimits()) -> Outcome {
        let input = Array(text.utf8)
        let whole = run([input[...]], boundary: boundary, limits: limits)
        for i in 0...input.count {
            #expect(run([input[..<i], input[i...]], boundary: boundary, limits: limits) == whole, "split at \(i)")
        }
        for i in stride(from: 0, through: input.count, by: 3) {
            for j in stride(from: i, through: input.count, by: 5) {
                #expect(run([input[..<i], input[i..<j], input[j...]], boundary: boundary, limits: limits) == whole, "split at \(i), \(j)")
            }
        }
        #expect(run(input.map { [$0][...] }, boundary: boundary, limits: limits) == whole, "byte by byte")
        return whole
    }

    @Test func twoFilesAndAField() {
        let body = "--XyZ\r\nContent-Disposition: form-data; name=\"note\"\r\n\r\nbefore\r\n"
            + "--XyZ\r\nContent-Disposition: form-data; name=\"file\"; filename=\"整改前.jpg\"\r\nContent-Type: image/jpeg\r\n\r\n"
            + "\u{FF}\r\n--Xy not a boundary\r\n-\r\n"
            + "--XyZ\r\ncontent-disposition: form-data; name=file; filename=\"b \\\"q\\\".png\"\r\n\r\n\r\n\r\n"
            + "--XyZ--\r\nepilogue"
        let outcome = Self.parse(body)
        #expect(outcome.error == nil)
        #expect(outcome.ended)
        #expect(outcome.parts.map(\.headers) == [
            MultipartPartHeaders(name: "note"),
            MultipartPartHeaders(name: "file", filename: "整改前.jpg", contentType: "image/jpeg"),
            MultipartPartHeaders(name: "file", filename: "b \"q\".png"),
        ])
        #expect(outcome.parts.map(\.data) == [Array("before".utf8), Array("\u{FF}\r\n--Xy not a boundary\r\n-".utf8), Array("\r\n".utf8)])
    }

    @Test func extendedFilenameWins() {
        let body = "--XyZ\r\nContent-Disposition: form-data; name=\"f\"; filename=\"a.jpg\"; filename*=UTF-8''%E7%85%A7%E7%89%87.jpg\r\n\r\n"
            + "x\r\n--XyZ--"
        #expect(Self.parse(body).parts.first?.headers.filename == "照片.jpg")
    }

    @Test func preambleAndPaddingAreSkipped() {
        let outcome = Self.parse("ignored preamble\r\n--XyZ  \r\n\r\nabc\r\n--XyZ--")
        #expect(outcome.parts == [Part(headers: MultipartPartHeaders(), data: Array("abc".utf8))])
    }

    @Test func truncatedBodiesAreErrors() {
        #expect(Self.parse("--XyZ\r\nContent-Disposition: form-data; name=\"f\"\r\n\r\nabc").error == .truncated)
        #expect(Self.parse("--XyZ\r\nContent-Disposition: form-da").error == .truncated)
        #expect(Self.parse("").error == .truncated)
    }

    @Test func limitsHold() {
        var limits = MultipartLimits()
        limits.maxParts = 2
        let three = String(repeating: "--XyZ\r\n\r\nx\r\n", count: 3) + "--XyZ--"
        #expect(Self.parse(three, limits: limits).error == .tooManyParts)
        limits = MultipartLimits()
        limits.maxPartHeaderBytes = 40
        let longHeader = "--XyZ\r\nContent-Disposition: form-data; name=\"\(String(repeating: "n", count: 40))\"\r\n\r\nx\r\n--XyZ--"
        #expect(Self.parse(longHeader, limits: limits).error == .partHeaderTooLarge)
        limits = MultipartLimits()
        limits.maxPreambleBytes = 10
        #expect(Self.parse(String(repeating: "p", count: 11) + "\r\n--XyZ--", limits: limits).error == .junkOutsideParts)
        #expect(Self.parse("--XyZ\r\nno colon here\r\n\r\nx\r\n--XyZ--").error == .malformedPartHeader("a line without ':'"))
        #expect(Self.parse("--XyZ\r\nContent-Disposition: attachment\r\n\r\nx\r\n--XyZ--").error
                == .malformedPartHeader("Content-Disposition is not form-data"))
    }

    @Test func boundaries() {
        #expect(MultipartParser.boundary(contentType: "multipart/form-data; boundary=----WebKitFormBoundary7MA4YWxk") == "----WebKitFormBoundary7MA4YWxk")
        #expect(MultipartParser.boundary(contentType: "Multipart/Form-Data; charset=utf-8; boundary=\"a b:c\"") == "a b:c")
        #expect(MultipartParser.boundary(contentType: "image/jpeg") == nil)
        #expect(throws: MultipartError.invalidBoundary) { try MultipartParser(boundary: "") }
        #expect(throws: MultipartError.invalidBoundary) { try MultipartParser(boundary: String(repeating: "a", count: 71)) }
        #expect(throws: MultipartError.invalidBoundary) { try MultipartParser(boundary: "bad\r\n") }
    }

    @Test func heldBackBytesAreBoundedByTheDelimiter() throws {
        var parser = try MultipartParser(boundary: "XyZ")
        _ = try parser.feed(Array("--XyZ\r\n\r\n".utf8))
        let chunk = [UInt8](repeating: 0x41, count: 65536)
        var passed = 0
        for _ in 0..<16 {
            for event in try parser.feed(chunk) { if case .data(let bytes) = event { passed += bytes.count } }
        }
        #expect(passed == 16 * 65536)
        // A chunk ending in a delimiter's prefix keeps only those bytes back.
        let events = try parser.feed(Array("AB\r\n--Xy".utf8))
        #expect(events == [.data(Array("AB".utf8))])
        #expect(try parser.feed(Array("Z--".utf8)) == [.partEnd, .end])
    }
}
