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
/// The HTTP layer knows nothing of routes or JSON. It first offers each request to
/// `respondInline` on the I/O thread, where only handlers that never block may answer (health
/// checks, cached documents); when that returns nil it calls `respond` on a worker thread. It
/// asks `protocolErrorResponse` for the body of errors it produces itself (400, 408, 413, 503…).
public protocol HTTPResponder: Sendable {
    func respond(to request: HTTPRequest, connection: ConnectionInfo) -> HTTPResponse

    /// The response, when it can be produced on the I/O thread without blocking; nil to have
    /// `respond` called on a worker thread instead.
    func respondInline(to request: HTTPRequest, connection: ConnectionInfo) -> HTTPResponse?

    /// How to take the body of the request with this head, asked once the head is complete and
    /// before any body byte is read: its limit, and whether the handler reads it while it
    /// arrives (`.streamed`). Nil: buffered whole, within `HTTPLimits.maxBodyBytes`.
    func bodyMode(for head: RequestHead) -> RequestBodyMode?

    /// The response for an error the HTTP layer detected before any handler ran.
    /// `head` is present when the request head was parsed (timeouts in the body, 503).
    func protocolErrorResponse(status: Int, detail: String, head: RequestHead?, connection: ConnectionInfo) -> HTTPResponse
}

extension HTTPResponder {
    public func bodyMode(for head: RequestHead) -> RequestBodyMode? { nil }

    public func respondInline(to request: HTTPRequest, connection: ConnectionInfo) -> HTTPResponse? { nil }

    public func protocolErrorResponse(status: Int, detail: String, head: RequestHead?, connection: ConnectionInfo) -> HTTPResponse {
        HTTPResponse(status: status, contentType: "text/plain; charset=utf-8", body: Array("\(detail)\n".utf8))
    }
}
