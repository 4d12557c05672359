import Foundation
import HTTPCore
import Synchronization

/// A small application for live tests: `/hello`, `/echo`, `/slow?ms=N`, `/inline`.
final class TestResponder: HTTPResponder {
    let handled = Atomic<Int>(0)

    func respondInline(to request: HTTPRequest, connection: ConnectionInfo) -> HTTPResponse? {
        request.path == "/inline" ? respond(to: request, connection: connection) : nil
    }

    func respond(to request: HTTPRequest, connection: ConnectionInfo) -> HTTPResponse {
        handled.add(1, ordering: .relaxed)
        switch request.path {
        case "/hello", "/inline":
            return HTTPResponse(status: 200, contentType: "text/plain", body: Array("hello".utf8))
        case "/echo":
            return HTTPResponse(status: 200, contentType: "application/octet-stream", body: request.body)
        case "/slow":
            let millis = Int(request.query?.split(separator: "=").last ?? "100") ?? 100
            Thread.sleep(forTimeInterval: Double(millis) / 1000)
            return HTTPResponse(status: 200, contentType: "text/plain", body: Array("slow \(millis)".utf8))
        case "/close":
            return HTTPResponse(status: 200, headers: ["connection": "close"], body: Array("bye".utf8))
        default:
            return HTTPResponse(status: 404, contentType: "text/plain", body: Array("no".utf8))
        }
    }
}

/// Starts a server on an ephemeral port for one test and stops it afterwards.
func withServer<T>(_ adjust: (inout HTTPServerConfiguration) -> Void = { _ in }, responder: TestResponder = TestResponder(),
                   _ body: (HTTPServer, Int) throws -> T) throws -> T {
    var configuration = HTTPServerConfiguration()
    configuration.port = 0
    configuration.ioThreads = 2
    configuration.workerThreads = 4
    configuration.shutdownGracePeriod = 3
    adjust(&configuration)
    let server = HTTPServer(configuration: configuration, responder: responder)
    let port = try server.start()
    defer { server.shutdown() }
    return try body(server, port)
}
