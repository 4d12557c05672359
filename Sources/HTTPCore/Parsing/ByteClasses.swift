/// Named bytes of the HTTP grammar, so the scanners read like the RFC.
enum ASCII {
    static let htab: UInt8 = 0x09
    static let lf: UInt8 = 0x0A
    static let cr: UInt8 = 0x0D
    static let space: UInt8 = 0x20
    static let quote: UInt8 = 0x22
    static let hash: UInt8 = 0x23
    static let percent: UInt8 = 0x25
    static let star: UInt8 = 0x2A
    static let plus: UInt8 = 0x2B
    static let comma: UInt8 = 0x2C
    static let dot: UInt8 = 0x2E
    static let slash: UInt8 = 0x2F
    static let colon: UInt8 = 0x3A
    static let semicolon: UInt8 = 0x3B
    static let equals: UInt8 = 0x3D
    static let question: UInt8 = 0x3F
    static let at: UInt8 = 0x40
    static let openBracket: UInt8 = 0x5B
    static let backslash: UInt8 = 0x5C
    static let closeBracket: UInt8 = 0x5D
}

/// Character classes of RFC 9110 / RFC 3986 as branch-cheap predicates on single bytes.
enum ByteClass {
    /// tchar: the bytes of a token (method, field name, chunk extension name).
    @inline(__always)
    static func isTChar(_ b: UInt8) -> Bool {
        switch b {
        case 0x30...0x39, 0x41...0x5A, 0x61...0x7A: true
        case 0x21, 0x23...0x27, 0x2A, 0x2B, 0x2D, 0x2E, 0x5E, 0x5F, 0x60, 0x7C, 0x7E: true
        default: false
        }
    }

    /// field-vchar / SP / HTAB, obs-text included; every other control byte is refused.
    @inline(__always)
    static func isFieldValueByte(_ b: UInt8) -> Bool {
        b == ASCII.htab || (b >= 0x20 && b != 0x7F)
    }

    /// OWS / BWS members.
    @inline(__always)
    static func isWhitespace(_ b: UInt8) -> Bool { b == ASCII.space || b == ASCII.htab }

    @inline(__always)
    static func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }

    /// The value of a hex digit, or nil.
    @inline(__always)
    static func hexValue(_ b: UInt8) -> UInt8? {
        switch b {
        case 0x30...0x39: b &- 0x30
        case 0x41...0x46: b &- 0x41 &+ 10
        case 0x61...0x66: b &- 0x61 &+ 10
        default: nil
        }
    }

    /// RFC 3986 unreserved.
    @inline(__always)
    static func isUnreserved(_ b: UInt8) -> Bool {
        switch b {
        case 0x30...0x39, 0x41...0x5A, 0x61...0x7A, 0x2D, 0x2E, 0x5F, 0x7E: true
        default: false
        }
    }

    /// RFC 3986 sub-delims: ! $ & ' ( ) * + , ; =
    @inline(__always)
    static func isSubDelim(_ b: UInt8) -> Bool {
        switch b {
        case 0x21, 0x24, 0x26...0x2C, 0x3B, 0x3D: true
        default: false
        }
    }

    /// Bytes accepted in a request target: visible ASCII except "#" (fragments are never sent).
    /// Non-ASCII must arrive percent-encoded.
    @inline(__always)
    static func isTargetByte(_ b: UInt8) -> Bool { b > 0x20 && b < 0x7F && b != ASCII.hash }

    @inline(__always)
    static func lowercased(_ b: UInt8) -> UInt8 { (b >= 0x41 && b <= 0x5A) ? b | 0x20 : b }
}

extension UnsafeBufferPointer<UInt8> {
    /// Byte-exact comparison with an ASCII literal.
    func equals(_ literal: StaticString) -> Bool {
        guard count == literal.utf8CodeUnitCount else { return false }
        let other = UnsafeBufferPointer(start: literal.utf8Start, count: literal.utf8CodeUnitCount)
        for i in 0..<count where self[i] != other[i] { return false }
        return true
    }

    /// ASCII case-insensitive comparison with a lower-case literal.
    func equalsIgnoringCase(_ lowerLiteral: StaticString) -> Bool {
        guard count == lowerLiteral.utf8CodeUnitCount else { return false }
        let other = UnsafeBufferPointer(start: lowerLiteral.utf8Start, count: lowerLiteral.utf8CodeUnitCount)
        for i in 0..<count where ByteClass.lowercased(self[i]) != other[i] { return false }
        return true
    }

    /// The sub-buffer without leading and trailing SP / HTAB.
    func trimmingWhitespace() -> UnsafeBufferPointer<UInt8> {
        var start = 0
        var end = count
        while start < end, ByteClass.isWhitespace(self[start]) { start += 1 }
        while end > start, ByteClass.isWhitespace(self[end - 1]) { end -= 1 }
        return UnsafeBufferPointer(rebasing: self[start..<end])
    }

    /// The first index of `byte` at or after `from`, or nil.
    func firstIndex(of byte: UInt8, from: Int) -> Int? {
        var i = from
        while i < count {
            if self[i] == byte { return i }
            i += 1
        }
        return nil
    }

    /// The bytes as a String; invalid UTF-8 (possible only in obs-text) becomes U+FFFD.
    var string: String { String(decoding: self, as: UTF8.self) }
}

extension String {
    /// Runs `body` over the UTF-8 bytes without copying when the string is native.
    func withBytes<R>(_ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        var copy = self
        return copy.withUTF8(body)
    }
}
