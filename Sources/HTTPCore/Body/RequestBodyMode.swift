/// How the server takes a request's body, decided per request from its head before any body
/// byte is read (see `HTTPResponder.bodyMode(for:)` and docs/ARCHITECTURE.md, "Request bodies").
public enum RequestBodyMode: Sendable, Equatable {
    /// The whole body is read before the handler runs; a larger one is a 413.
    case buffered(limit: Int)
    /// The handler runs as soon as the head arrived and reads the body piece by piece from
    /// `HTTPRequest.bodyStream` while it arrives; the server never holds more than a few
    /// pieces of it. A declared `Content-Length` over `limit` is a 413 before the body is read.
    case streamed(limit: Int)

    /// The most body bytes the request may carry.
    public var limit: Int {
        switch self {
        case .buffered(let limit), .streamed(let limit): limit
        }
    }

    public var isStreamed: Bool {
        if case .streamed = self { return true }
        return false
    }
}

/// What a parser in a streamed body had ready: the bytes that arrived, and whether they were the last.
public struct StreamedBodyPiece: Sendable {
    public var bytes: [UInt8]
    public var isComplete: Bool
    public var trailers: HTTPHeaders
}
