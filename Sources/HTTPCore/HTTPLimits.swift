/// Size and time limits of the HTTP layer (docs/API.md, HTTP behaviour). All configurable; defaults as specified.
public struct HTTPLimits: Sendable {
    /// Longest request line, in bytes (414 beyond).
    public var maxRequestLineBytes = 8 * 1024
    /// Largest header section, in bytes (431 beyond).
    public var maxHeaderBytes = 64 * 1024
    /// Most header fields in one request (431 beyond).
    public var maxHeaderCount = 100
    /// Largest request body, in bytes (413 beyond).
    public var maxBodyBytes = 8 * 1024 * 1024
    /// Time a client has to send a complete header section (408 beyond), in seconds.
    public var headerTimeout: Double = 10
    /// Time an idle keep-alive connection is kept open, in seconds.
    public var idleTimeout: Double = 15
    /// Time a client has to send the body once the head arrived, in seconds.
    public var bodyTimeout: Double = 30

    public init() {}
}
