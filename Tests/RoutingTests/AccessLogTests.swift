import Foundation
import Glibc
import HTTPCore
import JSON
import Testing
@testable import Routing

/// The access log as an operator's log shipper reads it: one line per request with who asked,
/// what, the outcome and how long it took, in text or JSON.
@Suite struct AccessLogTests {
    /// A log writing into a temporary file, and a way to read what it wrote (a pipe would fill
    /// up and block the log's writer before the test reads it).
    final class Capture {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("access-\(UUID().uuidString).log").path
        let write: Int32

        init() {
            write = open(path, O_RDWR | O_CREAT | O_TRUNC | O_APPEND, 0o600)
        }

        deinit {
            close(write)
            unlink(path)
        }

        func lines(after log: AccessLog) -> [String] {
            log.flush()
            let text = (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
            return text.split(separator: "\n").map(String.init)
        }
    }

    private func router(_ log: AccessLog) -> Router {
        var table = RouteTable()
        table.add(.GET, "/v1/items") { request in
            request.notes.userID = 42
            return .text("list")
        }
        table.add(.GET, "/v1/broken") { _ in throw HTTPError.notFound() }
        return Router(table, log: log)
    }

    private func request(_ target: String, agent: String = "curl/8.5.0") -> HTTPRequest {
        let path = String(target.split(separator: "?").first ?? "")
        return HTTPRequest(head: RequestHead(method: .GET, target: target, path: path, query: nil, version: .http11,
                                             headers: ["host": "x", "user-agent": agent, "x-request-id": "req-1"],
                                             keepAlive: true, expectsContinue: false, contentLength: nil, isChunked: false))
    }

    private let connection = ConnectionInfo(peer: "203.0.113.9", isTLS: false)

    @Test func aTextLineCarriesClientUserMethodTargetStatusBytesDurationAgentAndRequestID() throws {
        let capture = Capture()
        let log = AccessLog(fd: capture.write)
        _ = router(log).respond(to: request("/v1/items?period=2026-10"), connection: connection)
        let lines = capture.lines(after: log)
        #expect(lines.count == 1)
        let line = try #require(lines.first)
        let pattern = #/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z 203\.0\.113\.9 user=42 GET /v1/items\?period=2026-10 200 4B \d+\.\d{3}ms "curl/8\.5\.0" rid=req-1$/#
        #expect(line.wholeMatch(of: pattern) != nil, "\(line)")
    }

    @Test func aJSONLineIsOneObjectWithNamedMembers() throws {
        let capture = Capture()
        let log = AccessLog(fd: capture.write, format: .json)
        _ = router(log).respond(to: request("/v1/items?period=2026-10", agent: "agent \"quoted\" \u{7}"), connection: connection)
        let line = try #require(capture.lines(after: log).first)
        let object = try JSONValue.parse(Array(line.utf8))
        #expect(object["client"] == "203.0.113.9")
        #expect(object["user_id"]?.numberValue?.int64 == 42)
        #expect(object["method"] == "GET")
        #expect(object["path"] == "/v1/items")
        #expect(object["query"] == "period=2026-10")
        #expect(object["status"]?.numberValue?.int64 == 200)
        #expect(object["bytes"]?.numberValue?.int64 == 4)
        #expect(object["duration_ms"]?.numberValue != nil)
        #expect(object["user_agent"] == "agent \"quoted\" \u{7}")
        #expect(object["request_id"] == "req-1")
        #expect(object["level"] == "info")
    }

    @Test func controlCharactersCannotForgeALine() {
        let capture = Capture()
        let log = AccessLog(fd: capture.write)
        _ = router(log).respond(to: request("/v1/items", agent: "x\r\n2026-01-01T00:00:00.000Z fake"), connection: connection)
        #expect(capture.lines(after: log).count == 1)
    }

    @Test func theLevelKeepsOnlyFailuresAtWarn() {
        let capture = Capture()
        let log = AccessLog(fd: capture.write, level: .warn)
        let router = router(log)
        _ = router.respond(to: request("/v1/items"), connection: connection)
        _ = router.respond(to: request("/v1/broken"), connection: connection)
        let lines = capture.lines(after: log)
        #expect(lines.count == 1)
        #expect(lines.first?.contains(" 404 ") == true)
    }

    @Test func linesFromManyThreadsAreAllWrittenWhole() {
        let capture = Capture()
        let log = AccessLog(fd: capture.write, format: .json)
        let router = router(log)
        DispatchQueue.concurrentPerform(iterations: 8) { _ in
            for _ in 0..<50 { _ = router.respond(to: request("/v1/items"), connection: connection) }
        }
        let lines = capture.lines(after: log)
        #expect(lines.count == 400)
        #expect(lines.allSatisfy { (try? JSONValue.parse(Array($0.utf8)))?["status"]?.numberValue?.int64 == 200 })
    }
}
