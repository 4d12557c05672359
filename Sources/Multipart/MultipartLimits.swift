/// Bounds of one `multipart/form-data` body, so that no input makes the parser hold more than
/// a part's header section and a delimiter's length of bytes, whatever the body's size.
public struct MultipartLimits: Sendable {
    /// Most parts (files and fields) in one body.
    public var maxParts = 16
    /// Largest header section of one part, CRLFs included.
    public var maxPartHeaderBytes = 8 * 1024
    /// Most header fields in one part.
    public var maxPartHeaderFields = 8
    /// Longest boundary; RFC 2046 §5.1.1 allows 70 characters.
    public var maxBoundaryLength = 70
    /// Bytes discarded before the first delimiter (the preamble) or after the last (the epilogue).
    public var maxPreambleBytes = 1024

    public init() {}
}

/// Why a multipart body was refused; `reason` names the problem for the client.
public enum MultipartError: Error, Sendable, Equatable {
    case invalidBoundary
    case tooManyParts
    case partHeaderTooLarge
    case malformedPartHeader(String)
    case junkOutsideParts
    /// The body ended before the closing delimiter.
    case truncated

    public var reason: String {
        switch self {
        case .invalidBoundary: "the Content-Type boundary is missing or invalid"
        case .tooManyParts: "the body has too many parts"
        case .partHeaderTooLarge: "a part's header section is too large"
        case .malformedPartHeader(let why): "a part's header is malformed: \(why)"
        case .junkOutsideParts: "the body has too many bytes before the first or after the last part"
        case .truncated: "the body ends before its closing boundary"
        }
    }
}
