import Foundation
import Glibc
import HTTPCore
import Synchronization
import Testing

/// A responder whose `/upload` route streams its body: it counts the bytes and a checksum, and
/// can wait before each piece (a slow disk) so that back-pressure is exercised.
final class StreamingResponder: HTTPResponder {
    let firstPieceSeen = Atomic<Bool>(false)
    let pieceDelayMillis: Int
    let limit: Int

    init(limit: Int = 8 << 20, pieceDelayMillis: Int = 0) {
        self.limit = limit
        self.pieceDelayMillis = pieceDelayMillis
    }

    func bodyMode(for head: RequestHead) -> RequestBodyMode? {
        head.path == "/upload" ? .streamed(limit: limit) : nil
    }

    func respond(to request: HTTPRequest, connection: ConnectionInfo) -> HTTPResponse {
        guard let stream = request.bodyStream else {
            return HTTPResponse(status: 200, contentType: "text/plain", body: Array("buffered \(request.body.count)".utf8))
        }
        var count = 0
        var checksum: UInt64 = 1469598103934665603
        do {
            while let piece = try stream.next() {
                firstPieceSeen.store(true, ordering: .relaxed)
                if pieceDelayMillis > 0 { usleep(UInt32(pieceDelayMillis * 1000)) }
                count += piece.count
                for byte in piece { checksum = (checksum ^ UInt64(byte)) &* 1099511628211 }
            }
        } catch {
            return HTTPResponse(status: 400, contentType: "text/plain", body: Array("\(error)".utf8))
        }
        return HTTPResponse(status: 200, contentType: "text/plain", body: Array("\(count) \(checksum)".utf8))
    }

    static func checksum(_ bytes: [UInt8]) -> UInt64 {
        var checksum: UInt64 = 1469598103934665603
        for byte in bytes { checksum = (checksum ^ UInt64(byte)) &* 1099511628211 }
        return checksum
    }
}

/// Streamed bodies over real sockets: the handler reads while the body arrives, a slow handler
/// holds the client back instead of the server buffering, and the connection carries on after.
@Suite struct StreamedBodyServerTests {
    static func withStreamingServer(_ responder: StreamingResponder, _ body: (Int) throws -> Void) throws {
        var configuration = HTTPServerConfiguration()
        configuration.port = 0
        configuration.ioThreads = 1
        configuration.workerThreads = 2
        configuration.limits.maxBodyBytes = 1000
        let server = HTTPServer(configuration: configuration, responder: responder)
        let port = try server.start()
        defer { server.shutdown() }
        try body(port)
    }

    static func payload(_ count: Int) -> [UInt8] {
        (0..<count).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ $0 >> 8) }
    }

    @Test func largeBodyReachesTheSlowHandlerWholeAndTheConnectionIsReused() throws {
        let responder = StreamingResponder(pieceDelayMillis: 2)
        try Self.withStreamingServer(responder) { port in
            // The payload is made before connecting: under the thread sanitizer making it takes longer
            // than the header timeout, and the server rightly closes a connection that sent nothing.
            let body = Self.payload(3 << 20)
            let client = try RawClient(port: port, receiveTimeout: 30)
            client.send(Array("POST /upload HTTP/1.1\r\nHost: x\r\nContent-Length: \(body.count)\r\n\r\n".utf8) + body)
            let response = try client.readResponse()
            #expect(response.status == 200)
            #expect(response.text == "\(body.count) \(StreamingResponder.checksum(body))")
            client.send("POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\n\r\nabc")
            #expect(try client.readResponse().text == "buffered 3")
        }
    }

    @Test func theHandlerStartsBeforeTheBodyIsComplete() throws {
        let responder = StreamingResponder()
        try Self.withStreamingServer(responder) { port in
            let client = try RawClient(port: port, receiveTimeout: 10)
            client.send("POST /upload HTTP/1.1\r\nHost: x\r\nContent-Length: 10\r\n\r\nhello")
            let deadline = Date(timeIntervalSinceNow: 5)
            while !responder.firstPieceSeen.load(ordering: .relaxed) && Date() < deadline { usleep(1000) }
            let seen = responder.firstPieceSeen.load(ordering: .relaxed)
            #expect(seen)
            client.send("world")
            #expect(try client.readResponse().text == "10 \(StreamingResponder.checksum(Array("helloworld".utf8)))")
        }
    }

    @Test func chunkedUploadAndPipelinedRequestAfterIt() throws {
        try Self.withStreamingServer(StreamingResponder()) { port in
            let client = try RawClient(port: port)
            client.send("POST /upload HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n2\r\nde\r\n0\r\n\r\n"
                        + "GET /hello HTTP/1.1\r\nHost: x\r\n\r\n")
            #expect(try client.readResponse().text == "5 \(StreamingResponder.checksum(Array("abcde".utf8)))")
            #expect(try client.readResponse().text == "buffered 0")
        }
    }

    @Test func declaredLengthOverTheLimitIs413WithoutSendingTheBody() throws {
        try Self.withStreamingServer(StreamingResponder(limit: 1 << 20)) { port in
            let client = try RawClient(port: port)
            client.send("POST /upload HTTP/1.1\r\nHost: x\r\nContent-Length: \((1 << 20) + 1)\r\n\r\n")
            #expect(try client.readResponse().status == 413)
            let other = try RawClient(port: port)
            other.send("POST /other HTTP/1.1\r\nHost: x\r\nContent-Length: 1001\r\n\r\n")
            #expect(try other.readResponse().status == 413)
        }
    }

    @Test func aBrokenChunkReachesTheHandlerAsAnErrorAndTheConnectionCloses() throws {
        try Self.withStreamingServer(StreamingResponder()) { port in
            let client = try RawClient(port: port)
            client.send("POST /upload HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabcX")
            let response = try client.readResponse()
            #expect(response.status == 400)
            #expect(response.text.contains("malformed"))
            #expect(response.header("connection") == "close")
        }
    }

    @Test func aClientThatDisconnectsMidBodyEndsTheHandlersRead() throws {
        let responder = StreamingResponder()
        try Self.withStreamingServer(responder) { port in
            let client = try RawClient(port: port)
            client.send("POST /upload HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\nabc")
            let deadline = Date(timeIntervalSinceNow: 5)
            while !responder.firstPieceSeen.load(ordering: .relaxed) && Date() < deadline { usleep(1000) }
            client.shutdownWrite()
            let response = try client.readResponse()
            #expect(response.status == 400)
            #expect(response.text.contains("truncated"))
        }
    }
}
