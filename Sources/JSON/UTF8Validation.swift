/// Strict UTF-8 validation after Unicode Table 3-7 (well-formed byte sequences):
/// rejects overlong forms, UTF-16 surrogates encoded in UTF-8, code points above U+10FFFF,
/// stray continuation bytes and truncated sequences.
enum UTF8Validation {
    /// The length (1…4) of the well-formed sequence starting at `index`, or 0 if it is ill-formed.
    @inline(__always)
    static func sequenceLength(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Int {
        let lead = bytes[index]
        if lead < 0x80 { return 1 }
        switch lead {
        case 0xC2...0xDF:
            return continuation(bytes, index + 1, 0x80...0xBF) ? 2 : 0
        case 0xE0...0xEF:
            let second: ClosedRange<UInt8> = lead == 0xE0 ? 0xA0...0xBF : lead == 0xED ? 0x80...0x9F : 0x80...0xBF
            return continuation(bytes, index + 1, second) && continuation(bytes, index + 2, 0x80...0xBF) ? 3 : 0
        case 0xF0...0xF4:
            let second: ClosedRange<UInt8> = lead == 0xF0 ? 0x90...0xBF : lead == 0xF4 ? 0x80...0x8F : 0x80...0xBF
            return continuation(bytes, index + 1, second) && continuation(bytes, index + 2, 0x80...0xBF)
                && continuation(bytes, index + 3, 0x80...0xBF) ? 4 : 0
        default:
            return 0
        }
    }

    /// Whether all of `bytes` is well-formed UTF-8.
    static func isValid(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = 0
        while i < bytes.count {
            let length = sequenceLength(bytes, at: i)
            if length == 0 { return false }
            i += length
        }
        return true
    }

    @inline(__always)
    private static func continuation(_ bytes: UnsafeBufferPointer<UInt8>, _ index: Int, _ range: ClosedRange<UInt8>) -> Bool {
        index < bytes.count && range.contains(bytes[index])
    }
}
