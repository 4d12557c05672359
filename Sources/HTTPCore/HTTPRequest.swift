/// The parsed request line and header section of one request.
public struct RequestHead: Sendable {
    public var method: HTTPMethod
    /// The request target exactly as sent (origin-form, or absolute-form).
    public var target: String
    /// The path, percent-decoded once, with dot segments removed; starts with "/" (or is "*" for `OPTIONS *`).
    public var path: String
    /// The raw query string after "?", without the "?", not decoded; nil when absent.
    public var query: String?
    public var version: HTTPVersion
    public var headers: HTTPHeaders
    /// Whether the connection stays open after this request (version default and `Connection`).
    public var keepAlive: Bool
    /// Whether the client sent `Expect: 100-continue`.
    public var expectsContinue: Bool
    /// The announced body size; nil for chunked bodies or none.
    public var contentLength: Int?
    /// Whether the body uses the chunked transfer coding.
    public var isChunked: Bool

    public init(method: HTTPMethod, target: String, path: String, query: String?, version: HTTPVersion,
                headers: HTTPHeaders, keepAlive: Bool, expectsContinue: Bool, contentLength: Int?, isChunked: Bool) {
        self.method = method
        self.target = target
        self.path = path
        self.query = query
        self.version = version
        self.headers = headers
        self.keepAlive = keepAlive
        self.expectsContinue = expectsContinue
        self.contentLength = contentLength
        self.isChunked = isChunked
    }

    /// Whether a body follows the header section.
    public var hasBody: Bool { isChunked || (contentLength ?? 0) > 0 }
}

/// A request: head and the whole body (chunked bodies already de-chunked), or, for routes
/// whose body is streamed (`RequestBodyMode.streamed`), an empty `body` and the `bodyStream`
/// the handler reads it from while it arrives.
public struct HTTPRequest: Sendable {
    public var head: RequestHead
    public var body: [UInt8]
    /// Trailer fields of a chunked body, if any (not for streamed bodies).
    public var trailers: HTTPHeaders
    /// The body as it arrives, when the route streams it; nil when `body` holds it whole.
    public var bodyStream: RequestBodyStream?

    public init(head: RequestHead, body: [UInt8] = [], trailers: HTTPHeaders = HTTPHeaders(),
                bodyStream: RequestBodyStream? = nil) {
        self.head = head
        self.body = body
        self.trailers = trailers
        self.bodyStream = bodyStream
    }

    public var method: HTTPMethod { head.method }
    public var path: String { head.path }
    public var query: String? { head.query }
    public var headers: HTTPHeaders { head.headers }
}
