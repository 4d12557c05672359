/// Validation of `uri-host [ ":" port ]` (RFC 9110 §7.2, RFC 3986 §3.2.2), used for the Host field
/// and the authority of absolute-form targets. Userinfo ("@"), paths and spaces are refused.
enum HostValidator {
    /// Whether `bytes` is a non-empty host with an optional port.
    static func isValid(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = bytes.first else { return false }
        let hostEnd: Int
        if first == ASCII.openBracket {
            guard let close = bytes.firstIndex(of: ASCII.closeBracket, from: 1),
                  isIPLiteral(UnsafeBufferPointer(rebasing: bytes[1..<close])) else { return false }
            hostEnd = close + 1
        } else {
            hostEnd = bytes.firstIndex(of: ASCII.colon, from: 0) ?? bytes.count
            guard hostEnd > 0, isRegName(UnsafeBufferPointer(rebasing: bytes[..<hostEnd])) else { return false }
        }
        if hostEnd == bytes.count { return true }
        guard bytes[hostEnd] == ASCII.colon else { return false }
        return isPort(UnsafeBufferPointer(rebasing: bytes[(hostEnd + 1)...]))
    }

    /// reg-name (which also covers IPv4address): unreserved / pct-encoded / sub-delims.
    private static func isRegName(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = 0
        while i < bytes.count {
            let b = bytes[i]
            if b == ASCII.percent {
                guard i + 2 < bytes.count, ByteClass.hexValue(bytes[i + 1]) != nil,
                      ByteClass.hexValue(bytes[i + 2]) != nil else { return false }
                i += 3
                continue
            }
            guard ByteClass.isUnreserved(b) || ByteClass.isSubDelim(b) else { return false }
            i += 1
        }
        return true
    }

    /// IPv6 literal contents: hex digits, colons and dots (embedded IPv4). Deliberately loose on
    /// structure; the point is to keep anything dangerous out, not to route by address.
    private static func isIPLiteral(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard !bytes.isEmpty, bytes.contains(ASCII.colon) else { return false }
        return bytes.allSatisfy { ByteClass.hexValue($0) != nil || $0 == ASCII.colon || $0 == ASCII.dot }
    }

    /// 1 to 5 digits, at most 65535.
    private static func isPort(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard (1...5).contains(bytes.count) else { return false }
        var value = 0
        for b in bytes {
            guard ByteClass.isDigit(b) else { return false }
            value = value * 10 + Int(b - 0x30)
        }
        return value <= 65535
    }
}
