import Foundation
import Glibc
import HTTPCore
import Testing

/// The server over real sockets on an ephemeral port.
@Suite struct LiveServerTests {
    @Test func keepAliveServesManyRequestsOnOneConnection() throws {
        try withServer { _, port in
            let client = try RawClient(port: port)
            for _ in 0..<5 {
                client.send("GET /hello HTTP/1.1\r\nHost: x\r\n\r\n")
                let response = try client.readResponse()
                #expect(response.status == 200)
                #expect(response.text == "hello")
                #expect(response.header("content-length") == "5")
                #expect(response.header("date")?.hasSuffix("GMT") == true)
                #expect(response.header("connection") == nil)
            }
        }
    }

    @Test func pipelinedRequestsAreAnsweredInOrder() throws {
        try withServer { _, port in
            let client = try RawClient(port: port)
            client.send("GET /slow?ms=150 HTTP/1.1\r\nHost: x\r\n\r\nGET /inline HTTP/1.1\r\nHost: x\r\n\r\n"
                        + "POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\n\r\nabc")
            #expect(try client.readResponse().text == "slow 150")
            #expect(try client.readResponse().text == "hello")
            #expect(try client.readResponse().text == "abc")
        }
    }

    @Test func http10ClosesUnlessKeepAliveIsAsked() throws {
        try withServer { _, port in
            let plain = try RawClient(port: port)
            plain.send("GET /hello HTTP/1.0\r\n\r\n")
            let response = try plain.readResponse()
            #expect(response.statusLine.hasPrefix("HTTP/1.0 200"))
            #expect(response.header("connection") == "close")
            #expect(plain.isClosedByServer())

            let kept = try RawClient(port: port)
            kept.send("GET /hello HTTP/1.0\r\nConnection: keep-alive\r\n\r\n")
            #expect(try kept.readResponse().header("connection") == "keep-alive")
            kept.send("GET /hello HTTP/1.0\r\nConnection: keep-alive\r\n\r\n")
            #expect(try kept.readResponse().status == 200)
        }
    }

    @Test func connectionCloseIsHonoured() throws {
        try withServer { _, port in
            let client = try RawClient(port: port)
            client.send("GET /hello HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
            #expect(try client.readResponse().header("connection") == "close")
            #expect(client.isClosedByServer())
        }
    }

    @Test func headResponseHasLengthButNoBody() throws {
        try withServer { _, port in
            let client = try RawClient(port: port)
            client.send("HEAD /hello HTTP/1.1\r\nHost: x\r\n\r\nGET /hello HTTP/1.1\r\nHost: x\r\n\r\n")
            let head = try client.readResponse(forHead: true)
            #expect(head.header("content-length") == "5")
            #expect(head.body.isEmpty)
            #expect(try client.readResponse().text == "hello")  // the next response starts right after the head
        }
    }

    @Test func expectContinueGetsInterimResponseBeforeTheBody() throws {
        try withServer { _, port in
            let client = try RawClient(port: port)
            client.send("POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 4\r\nExpect: 100-continue\r\n\r\n")
            let interim = try client.readResponse()
            #expect(interim.status == 100)
            client.send("data")
            let final = try client.readResponse()
            #expect(final.status == 200)
            #expect(final.text == "data")
        }
    }

    @Test func oversizedBodyIsRefusedWithoutReadingIt() throws {
        try withServer({ $0.limits.maxBodyBytes = 1000 }) { _, port in
            let client = try RawClient(port: port)
            client.send("POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 5000\r\nExpect: 100-continue\r\n\r\n")
            let response = try client.readResponse()
            #expect(response.status == 413)
            #expect(response.header("connection") == "close")
            #expect(client.isClosedByServer())
        }
    }

    @Test func malformedRequestGets400AndTheConnectionCloses() throws {
        try withServer { server, port in
            let client = try RawClient(port: port)
            client.send("GET /hello HTTP/1.1\r\nHost: x\r\nContent-Length: 1\r\nTransfer-Encoding: chunked\r\n\r\n")
            let response = try client.readResponse()
            #expect(response.status == 400)
            #expect(response.header("connection") == "close")
            #expect(client.isClosedByServer())
        }
    }

    @Test func slowHeadersGet408AndClose() throws {
        try withServer({ $0.limits.headerTimeout = 0.5 }) { _, port in
            let client = try RawClient(port: port)
            client.send("GET /hello HTTP/1.1\r\nHost: x\r\n")  // never finishes the head
            let response = try client.readResponse()
            #expect(response.status == 408)
            #expect(client.isClosedByServer())
        }
    }

    @Test func idleKeepAliveConnectionIsClosed() throws {
        try withServer({ $0.limits.idleTimeout = 0.5 }) { _, port in
            let client = try RawClient(port: port)
            client.send("GET /hello HTTP/1.1\r\nHost: x\r\n\r\n")
            #expect(try client.readResponse().status == 200)
            let started = Date()
            #expect(client.isClosedByServer())
            #expect(Date().timeIntervalSince(started) < 3)
        }
    }

    @Test func saturatedServerAnswers503WithRetryAfter() throws {
        let responder = TestResponder()
        try withServer({ $0.workerThreads = 1; $0.maxQueuedRequests = 1 }, responder: responder) { _, port in
            let clients = try (0..<4).map { _ in try RawClient(port: port) }
            clients[0].send("GET /slow?ms=600 HTTP/1.1\r\nHost: x\r\n\r\n")
            while responder.handled.load(ordering: .relaxed) == 0 { Thread.sleep(forTimeInterval: 0.01) }
            // the only worker is busy: one more request may wait in the queue, the rest are refused
            for client in clients.dropFirst() { client.send("GET /slow?ms=100 HTTP/1.1\r\nHost: x\r\n\r\n") }
            let statuses = try clients.map { try $0.readResponse() }
            #expect(statuses.filter { $0.status == 200 }.count == 2)
            let refused = statuses.filter { $0.status == 503 }
            #expect(refused.count == 2)
            #expect(refused.allSatisfy { $0.header("retry-after") == "1" })
        }
    }

    @Test func clientResetMidRequestDoesNotHurtTheServer() throws {
        try withServer { _, port in
            for _ in 0..<20 {
                let client = try RawClient(port: port)
                client.send("POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\nhalf")
                client.reset()
            }
            let after = try RawClient(port: port)
            after.send("GET /hello HTTP/1.1\r\nHost: x\r\n\r\n")
            #expect(try after.readResponse().status == 200)
        }
    }

    @Test func peerThatDisconnectsBeforeTheResponseIsWrittenDoesNotKillTheProcess() throws {
        try withServer { server, port in
            for _ in 0..<10 {
                let client = try RawClient(port: port)
                client.send("GET /slow?ms=100 HTTP/1.1\r\nHost: x\r\n\r\n")
                client.reset()  // the response will hit a reset socket (EPIPE, not SIGPIPE)
            }
            let after = try RawClient(port: port)
            after.send("GET /hello HTTP/1.1\r\nHost: x\r\n\r\n")
            #expect(try after.readResponse().status == 200)
            let deadline = Date().addingTimeInterval(5)
            while server.stats.openConnections > 1 && Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
            #expect(server.stats.openConnections == 1)  // every reset connection was cleaned up
        }
    }

    @Test func halfClosedClientStillGetsItsResponse() throws {
        try withServer { _, port in
            let client = try RawClient(port: port)
            client.send("GET /slow?ms=50 HTTP/1.1\r\nHost: x\r\n\r\n")
            client.shutdownWrite()
            #expect(try client.readResponse().text == "slow 50")
            #expect(client.isClosedByServer())
        }
    }

    @Test func shutdownFinishesTheRequestInFlight() throws {
        var configuration = HTTPServerConfiguration()
        configuration.port = 0
        configuration.workerThreads = 2
        let server = HTTPServer(configuration: configuration, responder: TestResponder())
        let port = try server.start()
        let client = try RawClient(port: port)
        client.send("GET /slow?ms=500 HTTP/1.1\r\nHost: x\r\n\r\n")
        Thread.sleep(forTimeInterval: 0.1)
        let started = Date()
        server.shutdown()
        #expect(Date().timeIntervalSince(started) < 5)
        let response = try client.readResponse()
        #expect(response.text == "slow 500")
        #expect(response.header("connection") == "close")
        #expect(throws: RawClient.ClientError.self) { _ = try RawClient(port: port) }
    }

    @Test func manyIdleConnectionsAreHeldWithoutAThreadEach() throws {
        try withServer { server, port in
            let threadsBefore = threadsOfServer()
            let clients = try (0..<500).map { _ in try RawClient(port: port) }
            Thread.sleep(forTimeInterval: 0.2)
            #expect(server.stats.openConnections == 500)
            clients[499].send("GET /hello HTTP/1.1\r\nHost: x\r\n\r\n")
            #expect(try clients[499].readResponse().status == 200)
            #expect(threadsOfServer() == threadsBefore)
        }
    }

    /// Threads named by the server (other tests' servers run in parallel, so count by name).
    private func threadsOfServer() -> Int {
        let tasks = (try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/task")) ?? []
        return tasks.filter { task in
            let name = (try? String(contentsOfFile: "/proc/self/task/\(task)/comm", encoding: .utf8)) ?? ""
            return name.hasPrefix("wastesort-")
        }.count
    }
}
