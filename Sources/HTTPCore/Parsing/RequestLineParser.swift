/// The parsed `method SP request-target SP HTTP-version` line.
struct RequestLine: Sendable {
    var method: HTTPMethod
    var target: String
    var parsedTarget: ParsedTarget
    var version: HTTPVersion
}

/// Parses the request line (RFC 9112 §3): exactly single spaces, a token method, a strict version.
enum RequestLineParser {
    /// Checks run syntax first, then support: malformed → 400, then version → 505,
    /// then method → 501, then the target → 400.
    static func parse(_ line: UnsafeBufferPointer<UInt8>) throws(HTTPParseError) -> RequestLine {
        guard let firstSpace = line.firstIndex(of: ASCII.space, from: 0),
              let secondSpace = line.firstIndex(of: ASCII.space, from: firstSpace + 1) else {
            throw .badRequest("malformed request line")
        }
        let methodBytes = UnsafeBufferPointer(rebasing: line[..<firstSpace])
        let targetBytes = UnsafeBufferPointer(rebasing: line[(firstSpace + 1)..<secondSpace])
        let versionBytes = UnsafeBufferPointer(rebasing: line[(secondSpace + 1)...])
        guard !methodBytes.isEmpty, methodBytes.allSatisfy(ByteClass.isTChar) else {
            throw .badRequest("invalid method token")
        }
        guard !targetBytes.isEmpty else { throw .badRequest("malformed request line") }
        let version = try parseVersion(versionBytes)
        guard let method = knownMethod(methodBytes) else { throw .notImplemented }
        let parsedTarget = try RequestTarget.parse(targetBytes, method: method)
        return RequestLine(method: method, target: targetBytes.string, parsedTarget: parsedTarget, version: version)
    }

    /// `HTTP/1.1` or `HTTP/1.0`; another well-formed `HTTP/d.d` is 505, anything else 400.
    static func parseVersion(_ bytes: UnsafeBufferPointer<UInt8>) throws(HTTPParseError) -> HTTPVersion {
        if bytes.equals("HTTP/1.1") { return .http11 }
        if bytes.equals("HTTP/1.0") { return .http10 }
        guard bytes.count == 8, UnsafeBufferPointer(rebasing: bytes[..<5]).equals("HTTP/"),
              ByteClass.isDigit(bytes[5]), bytes[6] == ASCII.dot, ByteClass.isDigit(bytes[7]) else {
            throw .badRequest("malformed HTTP version")
        }
        throw .versionNotSupported
    }

    /// Methods are case-sensitive (RFC 9110 §9.1), so "get" is an unknown method.
    static func knownMethod(_ bytes: UnsafeBufferPointer<UInt8>) -> HTTPMethod? {
        switch bytes.count {
        case 3: bytes.equals("GET") ? .GET : bytes.equals("PUT") ? .PUT : nil
        case 4: bytes.equals("POST") ? .POST : bytes.equals("HEAD") ? .HEAD : nil
        case 5: bytes.equals("PATCH") ? .PATCH : bytes.equals("TRACE") ? .TRACE : bytes.equals("QUERY") ? .QUERY : nil
        case 6: bytes.equals("DELETE") ? .DELETE : nil
        case 7: bytes.equals("OPTIONS") ? .OPTIONS : nil
        default: nil
        }
    }
}
