/// The request methods the server knows; anything else (CONNECT, which only proxies serve,
/// lower-case or made-up tokens) is answered 501. TRACE and QUERY (the safe method with a body
/// of draft-ietf-httpbis-safe-method-w-body) are known so that a route answers them 405 with
/// `Allow`: no resource supports them, but they are standard methods, not unrecognised ones.
public enum HTTPMethod: String, Sendable, CaseIterable {
    case GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS, TRACE, QUERY

    /// Parses a method token from the request line; `nil` for methods we do not implement.
    public init?(token: some Collection<UInt8>) {
        guard let text = String(validating: token, as: UTF8.self), let method = HTTPMethod(rawValue: text) else { return nil }
        self = method
    }
}

/// HTTP/1.0 or HTTP/1.1: the only versions the server speaks.
public enum HTTPVersion: Sendable, Equatable {
    case http10, http11

    public var text: String { self == .http10 ? "HTTP/1.0" : "HTTP/1.1" }
}
