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
    /// What the handler learnt that the access log reports (the authenticated user).
    public let notes: RequestNotes

    public init(http: HTTPRequest, connection: ConnectionInfo, route: RoutePattern, parameters: PathParameters, id: String,
                notes: RequestNotes = RequestNotes()) {
        self.notes = notes
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

/// Facts about a request found while handling it, for its access-log line.
///
/// `@unchecked Sendable` is safe because a request is routed, handled and logged on one thread
/// (the I/O loop for inline answers, a worker otherwise); nothing else sees the object.
public final class RequestNotes: @unchecked Sendable {
    /// The authenticated user, once a bearer token or session resolved to one.
    public var userID: Int64?

    public init() {}
}
