/// What the server knows about the connection a request arrived on.
public struct ConnectionInfo: Sendable {
    /// The peer's IP address as text.
    public let peer: String
    public let isTLS: Bool

    public init(peer: String, isTLS: Bool) {
        self.peer = peer
        self.isTLS = isTLS
    }
}

/// The application behind the server: turns requests into responses.
///
/// The HTTP layer knows nothing of routes or JSON; it calls `respond` on a worker thread
/// (or on the I/O thread when `canRespondInline` says the handler never blocks) and asks
/// `protocolErrorResponse` for the body of errors it produces itself (400, 408, 413, 503…).
public protocol HTTPResponder: Sendable {
    func respond(to request: HTTPRequest, connection: ConnectionInfo) -> HTTPResponse

    /// Whether this request may be answered on the I/O thread: only for handlers that
    /// never block and finish in microseconds (health checks, cached responses).
    func canRespondInline(_ head: RequestHead) -> Bool

    /// The response for an error the HTTP layer detected before any handler ran.
    /// `head` is present when the request head was parsed (timeouts in the body, 503).
    func protocolErrorResponse(status: Int, detail: String, head: RequestHead?, connection: ConnectionInfo) -> HTTPResponse
}

extension HTTPResponder {
    public func canRespondInline(_ head: RequestHead) -> Bool { false }

    public func protocolErrorResponse(status: Int, detail: String, head: RequestHead?, connection: ConnectionInfo) -> HTTPResponse {
        HTTPResponse(status: status, contentType: "text/plain; charset=utf-8", body: Array("\(detail)\n".utf8))
    }
}
