/// Why a request could not be parsed. Each maps to a status; the connection closes after it.
public enum HTTPParseError: Error, Sendable, Equatable {
    /// Malformed or ambiguous input (request smuggling, bad syntax); the reason is for logs.
    case badRequest(String)
    /// A method token that is syntactically valid but not implemented.
    case notImplemented
    /// A version other than HTTP/1.0 or HTTP/1.1.
    case versionNotSupported
    /// The request line exceeds the limit.
    case uriTooLong
    /// The header section exceeds the size or field-count limit.
    case headerFieldsTooLarge
    /// The body exceeds the limit.
    case payloadTooLarge
    /// An `Expect` value other than `100-continue`.
    case expectationFailed
    /// A well-formed `Transfer-Encoding` naming a coding other than chunked (RFC 9112 §6.1: 501).
    case transferCodingNotImplemented(String)

    public var status: Int {
        switch self {
        case .badRequest: 400
        case .notImplemented: 501
        case .versionNotSupported: 505
        case .uriTooLong: 414
        case .headerFieldsTooLarge: 431
        case .payloadTooLarge: 413
        case .expectationFailed: 417
        case .transferCodingNotImplemented: 501
        }
    }

    public var reason: String {
        switch self {
        case .badRequest(let why): why
        case .notImplemented: "method not implemented"
        case .versionNotSupported: "HTTP version not supported"
        case .uriTooLong: "request line too long"
        case .headerFieldsTooLarge: "header section too large"
        case .payloadTooLarge: "request body too large"
        case .expectationFailed: "expectation not supported"
        case .transferCodingNotImplemented(let coding): "transfer coding \(coding) is not implemented (only chunked is)"
        }
    }
}
