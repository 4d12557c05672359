import HTTPCore

/// A request as handlers see it: the HTTP request plus what routing found.
public struct Request: Sendable {
    public let http: HTTPRequest
    public let connection: ConnectionInfo
    /// The matched route's pattern, e.g. `/v1/institutions/{id}`.
    public let route: RoutePattern
    public let parameters: PathParameters
    /// Echoed from `X-Request-Id` when the client sent a sane one, generated otherwise.
    public let id: String

    public init(http: HTTPRequest, connection: ConnectionInfo, route: RoutePattern, parameters: PathParameters, id: String) {
        self.http = http
        self.connection = connection
        self.route = route
        self.parameters = parameters
        self.id = id
    }

    public var method: HTTPMethod { http.head.method }
    public var headers: HTTPHeaders { http.head.headers }
    public var body: [UInt8] { http.body }

    /// The decoded query string (a 400 on a malformed escape).
    public func query() throws(HTTPError) -> QueryParameters {
        try QueryParameters(raw: http.head.query)
    }
}

/// Handlers return a response or throw (an `HTTPError`, or anything else for a logged 500).
public typealias RouteHandler = @Sendable (Request) throws -> HTTPResponse
