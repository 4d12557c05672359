/// The request methods the server knows; anything else (CONNECT, lower-case or made-up
/// tokens) is answered 501. TRACE is known so that a route answers it 405 with `Allow`:
/// no resource supports it, but it is a standard method, not an unrecognised one.
public enum HTTPMethod: String, Sendable, CaseIterable {
    case GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS, TRACE

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
