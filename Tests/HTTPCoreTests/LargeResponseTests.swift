import Testing
@testable import HTTPCore

/// Large bodies are written from the handler's array after the head; bytes still leave in order.
@Suite struct LargeResponseTests {
    @Test func aLargeBodyThenPipelinedResponsesArriveWholeAndInOrder() throws {
        try withServer({ $0.limits.maxBodyBytes = 4 << 20 }) { _, port in
            // Made before connecting: the server closes a connection that sends nothing for the header timeout.
            let body = (0..<(3 << 20)).map { UInt8(truncatingIfNeeded: $0 &* 7) }
            let client = try RawClient(port: port, receiveTimeout: 20)
            #expect(body.count >= EventLoop.separateBodyBytes)
            client.send(Array("POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: \(body.count)\r\n\r\n".utf8) + body
                        + Array("GET /inline HTTP/1.1\r\nHost: x\r\n\r\nHEAD /echo HTTP/1.1\r\nHost: x\r\n\r\n".utf8))
            let echoed = try client.readResponse()
            #expect(echoed.status == 200)
            #expect(echoed.body == body)
            #expect(try client.readResponse().text == "hello")
            #expect(try client.readResponse(forHead: true).status == 200)
        }
    }
}
