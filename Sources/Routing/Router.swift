import Foundation
import HTTPCore

/// Matches requests to routes and turns every outcome into a response: the handler's,
/// a problem+json error, 404, or 405 with `Allow`. HEAD runs the GET handler (the server
/// drops the body); OPTIONS answers with `Allow`. Logs one line and records metrics per request.
public final class Router: HTTPResponder {
    private let root = RouteNode()
    public let routes: [Route]
    private let log: AccessLog?
    public let metrics: RequestMetrics
    private let requestIDs = RequestIDGenerator()
    /// The language of problem texts when `Accept-Language` names neither zh nor en (the
    /// district's `language` setting; Chinese unless it says otherwise).
    private let defaultLanguage: @Sendable () -> ProblemLanguage

    public init(_ table: RouteTable, log: AccessLog? = nil, metrics: RequestMetrics = RequestMetrics(),
                defaultLanguage: @escaping @Sendable () -> ProblemLanguage = { .zh }) {
        routes = table.routes
        self.defaultLanguage = defaultLanguage
        self.log = log
        self.metrics = metrics
        for route in table.routes { root.insert(route) }
    }

    /// Routes marked `inline`, 404s, 405s and OPTIONS are answered on the I/O thread: none
    /// blocks. A route with a fast path is answered there too when its answer is in memory.
    public func respondInline(to request: HTTPRequest, connection: ConnectionInfo) -> HTTPResponse? {
        var parameters = PathParameters()
        let node = find(request.head.path, parameters: &parameters)
        if let node, let route = route(in: node, for: request.head.method), !route.inline {
            guard let fastPath = route.fastPath else { return nil }
            return answer(request, connection: connection) { id, notes in
                let routed = Request(http: request, connection: connection, route: route.pattern, parameters: parameters, id: id,
                                     notes: notes)
                return run(route, request: request, id: id) { try fastPath(routed) }
            }
        }
        return answer(request, connection: connection) { id, notes in
            route(request, node: node, parameters: parameters, connection: connection, id: id, notes: notes)
        }
    }

    /// The matched route's body mode (streamed uploads); nil for every other request.
    public func bodyMode(for head: RequestHead) -> RequestBodyMode? {
        var parameters = PathParameters()
        guard let node = find(head.path, parameters: &parameters), let route = route(in: node, for: head.method) else { return nil }
        return route.bodyMode?(head)
    }

    public func respond(to request: HTTPRequest, connection: ConnectionInfo) -> HTTPResponse {
        let response = answer(request, connection: connection) { id, notes in
            var parameters = PathParameters()
            let node = find(request.head.path, parameters: &parameters)
            return route(request, node: node, parameters: parameters, connection: connection, id: id, notes: notes)
        }
        return response ?? HTTPError.internalError(requestID: "-").response(in: language(request.head))  // routing always answers
    }

    /// Runs the routing step with a request id, then stamps, measures and logs the response;
    /// nil when the step declined (a fast path that needs the worker).
    private func answer(_ request: HTTPRequest, connection: ConnectionInfo,
                        _ routing: (String, RequestNotes) -> (HTTPResponse, String?)?) -> HTTPResponse? {
        let started = DispatchTime.now().uptimeNanoseconds
        let id = requestIDs.id(from: request.head.headers["x-request-id"])
        let notes = RequestNotes()
        guard var (response, pattern) = routing(id, notes) else { return nil }
        response.headers.set("x-request-id", id)
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9
        metrics.record(method: request.head.method, route: pattern, status: response.status, seconds: seconds)
        if let log, log.logs(status: response.status) {
            log.record(AccessLog.Entry(client: connection.peer, userID: notes.userID, method: request.head.method.rawValue,
                                       target: request.head.target, status: response.status, bytes: response.body.count,
                                       seconds: seconds, userAgent: request.head.headers["user-agent"], requestID: id))
        }
        return response
    }

    public func protocolErrorResponse(status: Int, detail: String, head: RequestHead?, connection: ConnectionInfo) -> HTTPResponse {
        let error = HTTPError(status: status, kind: "protocol", title: "Request rejected", detail: detail,
                              detailZH: ProtocolDetailsZH.detail(status: status, english: detail))
        let id = requestIDs.id(from: nil)
        var response = error.response(in: head.map(language) ?? defaultLanguage())
        response.headers.set("x-request-id", id)
        metrics.record(method: head?.method, route: nil, status: status, seconds: 0)
        log?.record(AccessLog.Entry(client: connection.peer, userID: nil, method: head?.method.rawValue ?? "-",
                                    target: head?.target ?? "-", status: status, bytes: response.body.count, seconds: 0,
                                    userAgent: head?.headers["user-agent"], requestID: id))
        return response
    }

    private func route(_ request: HTTPRequest, node: RouteNode?, parameters: PathParameters, connection: ConnectionInfo,
                       id: String, notes: RequestNotes) -> (HTTPResponse, String?) {
        if request.head.path == "*" {  // `OPTIONS *`: what the server as a whole supports (RFC 9110 §9.3.7)
            let served = HTTPMethod.allCases.filter { $0 != .TRACE && $0 != .QUERY }.map(\.rawValue)
            return (HTTPResponse(status: 204, headers: ["allow": served.joined(separator: ", ")]), nil)
        }
        guard let node, !node.routes.isEmpty else {
            return (HTTPError.notFound().response(in: language(request.head)), nil)
        }
        let method = request.head.method
        guard let route = route(in: node, for: method) else {
            let allow = allowedMethods(node)
            if method == .OPTIONS {
                return (HTTPResponse(status: 204, headers: ["allow": allow.joined(separator: ", ")]), nil)
            }
            return (HTTPError.methodNotAllowed(allow: allow).response(in: language(request.head)), nil)
        }
        let routed = Request(http: request, connection: connection, route: route.pattern, parameters: parameters, id: id,
                             notes: notes)
        return run(route, request: request, id: id) { try route.handler(routed) }
            ?? (HTTPError.internalError(requestID: id).response(in: language(request.head)), route.pattern.text)
    }

    /// Runs a handler, turning what it throws into its problem response (a logged 500 for
    /// anything that is not an HTTP error); nil when the handler declined.
    private func run(_ route: Route, request: HTTPRequest, id: String,
                     _ body: () throws -> HTTPResponse?) -> (HTTPResponse, String?)? {
        do {
            return try body().map { ($0, route.pattern.text) }
        } catch let error as HTTPError {
            return (error.response(in: language(request.head)), route.pattern.text)
        } catch let error as any HTTPErrorConvertible {
            return (error.httpError.response(in: language(request.head)), route.pattern.text)
        } catch {
            log?.error("request \(id) \(request.head.method.rawValue) \(route.pattern.text) failed: \(error)")
            return (HTTPError.internalError(requestID: id).response(in: language(request.head)), route.pattern.text)
        }
    }

    /// The problem language a request asks for (only computed when there is a problem to answer).
    private func language(_ head: RequestHead) -> ProblemLanguage {
        ProblemLanguage.negotiate(head.headers["accept-language"], fallback: defaultLanguage())
    }

    private func find(_ path: String, parameters: inout PathParameters) -> RouteNode? {
        if path.utf8.count > 1 && path.utf8.last == UInt8(ascii: "/") { return nil }  // "/v1/x/" is not "/v1/x"
        let segments = path.split(separator: "/", omittingEmptySubsequences: true)
        return root.find(segments[...], parameters: &parameters)
    }

    private func route(in node: RouteNode, for method: HTTPMethod) -> Route? {
        if let route = node.routes[method] { return route }
        return method == .HEAD ? node.routes[.GET] : nil
    }

    private func allowedMethods(_ node: RouteNode) -> [String] {
        var methods = Set(node.routes.keys.map(\.rawValue))
        if methods.contains("GET") { methods.insert("HEAD") }
        methods.insert("OPTIONS")
        return methods.sorted()
    }
}
