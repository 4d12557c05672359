import HTTPCore

/// One registered route.
public struct Route: Sendable {
    public let method: HTTPMethod
    public let pattern: RoutePattern
    /// Runs on the I/O thread: only for handlers that never block.
    public let inline: Bool
    let handler: RouteHandler
    /// Tried on the I/O thread first: answers from memory, or returns nil when only the
    /// (blocking) handler can answer, which then runs on a worker.
    let fastPath: FastPathHandler?
    /// Chooses the body limit and mode from the head (streamed uploads); nil: the server's default.
    let bodyMode: BodyModeChooser?
}

/// Decides, from a request head, how its body is taken (see `RequestBodyMode`).
public typealias BodyModeChooser = @Sendable (RequestHead) -> RequestBodyMode

/// A non-blocking attempt at a route's answer: nil means "ask the worker".
public typealias FastPathHandler = @Sendable (Request) throws -> HTTPResponse?

/// The routes of an application, collected before the server starts, then frozen in a `Router`.
public struct RouteTable: Sendable {
    public private(set) var routes: [Route] = []

    public init() {}

    /// Adds a route; registering the same method and pattern twice is a programming error.
    public mutating func add(_ method: HTTPMethod, _ pattern: String, inline: Bool = false,
                             fastPath: FastPathHandler? = nil, bodyMode: BodyModeChooser? = nil,
                             _ handler: @escaping RouteHandler) {
        let parsed = RoutePattern(pattern)
        precondition(!routes.contains { $0.method == method && $0.pattern.segments == parsed.segments },
                     "route registered twice: \(method) \(pattern)")
        routes.append(Route(method: method, pattern: parsed, inline: inline, handler: handler, fastPath: fastPath,
                            bodyMode: bodyMode))
    }
}

/// A path trie: literal children first, then one parameter child per node.
final class RouteNode: @unchecked Sendable {
    // @unchecked: built once by `Router.init`, read-only afterwards.
    var literals: [String: RouteNode] = [:]
    var parameter: (name: String, node: RouteNode)?
    var routes: [HTTPMethod: Route] = [:]

    func insert(_ route: Route, at depth: Int = 0) {
        guard depth < route.pattern.segments.count else {
            routes[route.method] = route
            return
        }
        switch route.pattern.segments[depth] {
        case .literal(let text):
            let child = literals[text] ?? RouteNode()
            literals[text] = child
            child.insert(route, at: depth + 1)
        case .parameter(let name):
            let child = parameter?.node ?? RouteNode()
            parameter = (name, child)
            child.insert(route, at: depth + 1)
        }
    }

    /// The node for a path, capturing parameters; nil when no route has this shape.
    func find(_ segments: ArraySlice<Substring>, parameters: inout PathParameters) -> RouteNode? {
        guard let first = segments.first else { return self }
        let rest = segments.dropFirst()
        if let child = literals[String(first)], let found = child.find(rest, parameters: &parameters) {
            return found
        }
        if let (name, child) = parameter {
            var captured = parameters
            captured.append(name, String(first))
            if let found = child.find(rest, parameters: &captured) {
                parameters = captured
                return found
            }
        }
        return nil
    }
}
