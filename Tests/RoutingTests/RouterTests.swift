import HTTPCore
import JSON
import Testing
@testable import Routing

/// The router in-process, without sockets.
@Suite struct RouterTests {
    private func request(_ method: HTTPMethod, _ path: String, headers: HTTPHeaders = ["host": "x"]) -> HTTPRequest {
        HTTPRequest(head: RequestHead(method: method, target: path, path: path, query: nil, version: .http11, headers: headers,
                                      keepAlive: true, expectsContinue: false, contentLength: nil, isChunked: false))
    }

    private let info = ConnectionInfo(peer: "127.0.0.1", isTLS: false)

    private func router() -> Router {
        var table = RouteTable()
        table.add(.GET, "/v1/items") { _ in .text("list") }
        table.add(.POST, "/v1/items") { _ in .text("created", status: 201) }
        table.add(.GET, "/v1/items/{id}") { request in .text("item \(try request.parameters.id())") }
        table.add(.GET, "/v1/items/special") { _ in .text("special") }
        table.add(.GET, "/v1/fail") { _ in throw HTTPError.conflict("taken", field: "code") }
        table.add(.GET, "/v1/crash") { _ in throw CocoaLikeError() }
        return Router(table)
    }

    private struct CocoaLikeError: Error {}

    @Test func literalSegmentsWinOverParameters() {
        let router = router()
        #expect(String(decoding: router.respond(to: request(.GET, "/v1/items/special"), connection: info).body, as: UTF8.self) == "special")
        #expect(String(decoding: router.respond(to: request(.GET, "/v1/items/42"), connection: info).body, as: UTF8.self) == "item 42")
    }

    @Test func malformedIdsAreNotFound() {
        let response = router().respond(to: request(.GET, "/v1/items/abc"), connection: info)
        #expect(response.status == 404)
        #expect(response.headers["content-type"] == "application/problem+json; charset=utf-8")
    }

    @Test func unknownPathIs404AndWrongMethodIs405WithAllow() {
        let router = router()
        #expect(router.respond(to: request(.GET, "/v2/items"), connection: info).status == 404)
        #expect(router.respond(to: request(.GET, "/v1/items/"), connection: info).status == 404)
        let wrong = router.respond(to: request(.DELETE, "/v1/items"), connection: info)
        #expect(wrong.status == 405)
        #expect(wrong.headers["allow"] == "GET, HEAD, OPTIONS, POST")
    }

    @Test func headUsesTheGetHandlerAndOptionsListsMethods() {
        let router = router()
        #expect(router.respond(to: request(.HEAD, "/v1/items"), connection: info).status == 200)
        let options = router.respond(to: request(.OPTIONS, "/v1/items"), connection: info)
        #expect(options.status == 204)
        #expect(options.headers["allow"] == "GET, HEAD, OPTIONS, POST")
        let server = router.respond(to: request(.OPTIONS, "*"), connection: info)
        #expect(server.status == 204)
        #expect(server.headers["allow"]?.contains("PATCH") == true)
    }

    @Test func errorsBecomeProblemDocumentsAndUnknownErrorsA500WithoutDetails() throws {
        let router = router()
        let conflict = router.respond(to: request(.GET, "/v1/fail"), connection: info)
        #expect(conflict.status == 409)
        let problem = try JSONValue.parse(conflict.body)
        #expect(problem["field"]?.stringValue == "code")
        #expect(problem["status"]?.numberValue?.int64 == 409)
        let crash = router.respond(to: request(.GET, "/v1/crash"), connection: info)
        #expect(crash.status == 500)
        #expect(!String(decoding: crash.body, as: UTF8.self).contains("CocoaLikeError"))
    }

    @Test func requestIdsAreEchoedWhenSaneAndGeneratedOtherwise() {
        let router = router()
        let echoed = router.respond(to: request(.GET, "/v1/items", headers: ["host": "x", "x-request-id": "abc-123"]), connection: info)
        #expect(echoed.headers["x-request-id"] == "abc-123")
        let forged = router.respond(to: request(.GET, "/v1/items", headers: ["host": "x", "x-request-id": "a b\u{1}"]), connection: info)
        #expect(forged.headers["x-request-id"] != "a b\u{1}")
        #expect(forged.headers["x-request-id"]?.isEmpty == false)
    }

    @Test func metricsCountRequestsByRouteAndStatus() {
        let router = router()
        _ = router.respond(to: request(.GET, "/v1/items/1"), connection: info)
        _ = router.respond(to: request(.GET, "/v1/items/2"), connection: info)
        let text = router.metrics.prometheusText()
        #expect(text.contains("wastesort_http_requests_total{method=\"GET\",route=\"/v1/items/{id}\",status=\"200\"} 2"))
        #expect(text.contains("wastesort_http_request_duration_seconds_count{route=\"/v1/items/{id}\"} 2"))
    }
}
