/// Percent-decoding of request targets and query strings (RFC 3986 §2.1).
public enum PercentDecoding {
    /// Decodes `%XX` escapes once.
    ///
    /// - Parameters:
    ///   - text: The encoded text, e.g. a path or one query-string component.
    ///   - plusAsSpace: Whether "+" means " ", as in `application/x-www-form-urlencoded` query strings.
    /// - Returns: The decoded text; nil on an invalid escape (`%zz`, a truncated `%4`), on `%00`,
    ///   or when the decoded bytes are not valid UTF-8.
    public static func decode(_ text: Substring, plusAsSpace: Bool = false) -> String? {
        var text = text
        return text.withUTF8 { encoded in
            if !needsDecoding(encoded, plusAsSpace: plusAsSpace) {
                return String(decoding: encoded, as: UTF8.self)
            }
            guard let bytes = decodedBytes(encoded, plusAsSpace: plusAsSpace) else { return nil }
            return String(validating: bytes, as: UTF8.self)
        }
    }

    /// Whether `decodedBytes` would change anything; lets the common case skip allocation.
    static func needsDecoding(_ encoded: UnsafeBufferPointer<UInt8>, plusAsSpace: Bool) -> Bool {
        for b in encoded where b == ASCII.percent || (plusAsSpace && b == ASCII.plus) { return true }
        return false
    }

    /// The decoded bytes, not yet checked for UTF-8; nil on an invalid escape or `%00`
    /// (a NUL would truncate the path in any C API it reaches).
    static func decodedBytes(_ encoded: UnsafeBufferPointer<UInt8>, plusAsSpace: Bool) -> [UInt8]? {
        var out: [UInt8] = []
        out.reserveCapacity(encoded.count)
        var i = 0
        while i < encoded.count {
            let b = encoded[i]
            if b == ASCII.percent {
                guard i &+ 2 < encoded.count,
                      let high = ByteClass.hexValue(encoded[i + 1]),
                      let low = ByteClass.hexValue(encoded[i + 2]) else { return nil }
                let decoded = high &<< 4 | low
                guard decoded != 0 else { return nil }
                out.append(decoded)
                i += 3
            } else {
                out.append(plusAsSpace && b == ASCII.plus ? ASCII.space : b)
                i += 1
            }
        }
        return out
    }
}
