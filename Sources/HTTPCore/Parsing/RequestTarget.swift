/// A request target split into what routing needs (RFC 9112 §3.2).
struct ParsedTarget: Sendable, Equatable {
    /// Percent-decoded once, dot segments removed, starting with "/" (or "*" for `OPTIONS *`).
    var path: String
    /// Raw text after the first "?", not decoded.
    var query: String?
    /// Whether the target was `http://host/...` rather than `/...`.
    var isAbsoluteForm: Bool
}

/// Parses origin-form, absolute-form and asterisk-form targets; authority-form (CONNECT) is not served.
enum RequestTarget {
    /// What a client sending `?q=人民` unencoded needs to hear (RFC 3986 §2.1: a URI is ASCII).
    static let nonASCII = "the request target has raw non-ASCII bytes; percent-encode them as UTF-8 (人民 is %E4%BA%BA%E6%B0%91)"

    static func parse(_ raw: UnsafeBufferPointer<UInt8>, method: HTTPMethod) throws(HTTPParseError) -> ParsedTarget {
        if raw.contains(where: { $0 >= 0x80 }) {
            throw .badRequest(nonASCII)
        }
        guard !raw.isEmpty, raw.allSatisfy(ByteClass.isTargetByte) else {
            throw .badRequest("invalid character in request target")
        }
        if raw.count == 1, raw[0] == ASCII.star {
            guard method == .OPTIONS else { throw .badRequest("asterisk-form is only allowed with OPTIONS") }
            return ParsedTarget(path: "*", query: nil, isAbsoluteForm: false)
        }
        if raw[0] == ASCII.slash {
            return try pathAndQuery(raw, isAbsoluteForm: false)
        }
        return try absoluteForm(raw)
    }

    /// `http[s]://authority[/path][?query]`, scheme case-insensitive.
    private static func absoluteForm(_ raw: UnsafeBufferPointer<UInt8>) throws(HTTPParseError) -> ParsedTarget {
        let schemeLength: Int
        if raw.count >= 7, UnsafeBufferPointer(rebasing: raw[..<7]).equalsIgnoringCase("http://") {
            schemeLength = 7
        } else if raw.count >= 8, UnsafeBufferPointer(rebasing: raw[..<8]).equalsIgnoringCase("https://") {
            schemeLength = 8
        } else {
            throw .badRequest("invalid request target")
        }
        var authorityEnd = schemeLength
        while authorityEnd < raw.count, raw[authorityEnd] != ASCII.slash, raw[authorityEnd] != ASCII.question {
            authorityEnd += 1
        }
        guard HostValidator.isValid(UnsafeBufferPointer(rebasing: raw[schemeLength..<authorityEnd])) else {
            throw .badRequest("invalid authority in request target")
        }
        let rest = UnsafeBufferPointer(rebasing: raw[authorityEnd...])
        if rest.first == ASCII.slash { return try pathAndQuery(rest, isAbsoluteForm: true) }
        let query = rest.isEmpty ? nil : UnsafeBufferPointer(rebasing: rest[1...]).string
        return ParsedTarget(path: "/", query: query, isAbsoluteForm: true)
    }

    /// Splits `/path?query` at the first "?" and normalises the path.
    private static func pathAndQuery(_ raw: UnsafeBufferPointer<UInt8>, isAbsoluteForm: Bool) throws(HTTPParseError) -> ParsedTarget {
        let questionMark = raw.firstIndex(of: ASCII.question, from: 0)
        let path = UnsafeBufferPointer(rebasing: raw[..<(questionMark ?? raw.count)])
        let query = questionMark.map { UnsafeBufferPointer(rebasing: raw[($0 + 1)...]).string }
        return ParsedTarget(path: try normalisedPath(path), query: query, isAbsoluteForm: isAbsoluteForm)
    }

    /// Decodes once, then removes dot segments, so an encoded `%2e%2e` cannot escape normalisation.
    static func normalisedPath(_ path: UnsafeBufferPointer<UInt8>) throws(HTTPParseError) -> String {
        let needsDecoding = PercentDecoding.needsDecoding(path, plusAsSpace: false)
        if !needsDecoding && !DotSegments.contains(path) {
            return path.string  // fast path: already canonical ASCII
        }
        var bytes: [UInt8] = Array(path)
        if needsDecoding {
            guard let decoded = PercentDecoding.decodedBytes(path, plusAsSpace: false) else {
                throw .badRequest("invalid percent-encoding in path")
            }
            guard String(validating: decoded, as: UTF8.self) != nil else {
                throw .badRequest("path is not valid UTF-8")
            }
            bytes = decoded
        }
        let normalised = bytes.withUnsafeBufferPointer { DotSegments.remove($0) }
        return String(decoding: normalised, as: UTF8.self)
    }
}
