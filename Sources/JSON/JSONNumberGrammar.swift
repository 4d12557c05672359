/// The RFC 8259 number grammar, shared by the parser and ``JSONNumber/init(_:)``:
/// `-? (0 | [1-9][0-9]*) (\.[0-9]+)? ([eE][+-]?[0-9]+)?`
enum JSONNumberGrammar {
    /// Why a number literal does not match the grammar; the text completes "invalid number: …".
    enum Failure: Error, Equatable {
        case expectedDigit(at: Int)
        case leadingZero(at: Int)
        case expectedFractionDigit(at: Int)
        case expectedExponentDigit(at: Int)

        var offset: Int {
            switch self {
            case .expectedDigit(let at), .leadingZero(let at),
                 .expectedFractionDigit(let at), .expectedExponentDigit(let at): at
            }
        }

        var message: String {
            switch self {
            case .expectedDigit: "invalid number: expected a digit"
            case .leadingZero: "invalid number: leading zeros are not allowed"
            case .expectedFractionDigit: "invalid number: expected a digit after the decimal point"
            case .expectedExponentDigit: "invalid number: expected a digit in the exponent"
            }
        }
    }

    /// Scans a number starting at `start` and returns the index just past it.
    /// Stops at the first byte that cannot continue the literal; the caller checks what follows.
    static func scan(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Result<Int, Failure> {
        var i = start
        if i < bytes.count, bytes[i] == UInt8(ascii: "-") { i += 1 }
        guard i < bytes.count, isDigit(bytes[i]) else { return .failure(.expectedDigit(at: i)) }
        if bytes[i] == UInt8(ascii: "0") {
            i += 1
            if i < bytes.count, isDigit(bytes[i]) { return .failure(.leadingZero(at: i)) }
        } else {
            i = skipDigits(bytes, from: i)
        }
        if i < bytes.count, bytes[i] == UInt8(ascii: ".") {
            i += 1
            guard i < bytes.count, isDigit(bytes[i]) else { return .failure(.expectedFractionDigit(at: i)) }
            i = skipDigits(bytes, from: i)
        }
        if i < bytes.count, bytes[i] | 0x20 == UInt8(ascii: "e") {
            i += 1
            if i < bytes.count, bytes[i] == UInt8(ascii: "+") || bytes[i] == UInt8(ascii: "-") { i += 1 }
            guard i < bytes.count, isDigit(bytes[i]) else { return .failure(.expectedExponentDigit(at: i)) }
            i = skipDigits(bytes, from: i)
        }
        return .success(i)
    }

    /// Whether `text` is exactly one number literal.
    static func isValid(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            if case .success(let end) = scan(bytes, from: 0) { return end == bytes.count }
            return false
        }
    }

    @inline(__always)
    static func isDigit(_ byte: UInt8) -> Bool {
        byte &- UInt8(ascii: "0") < 10
    }

    @inline(__always)
    private static func skipDigits(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        var i = start
        while i < bytes.count, isDigit(bytes[i]) { i += 1 }
        return i
    }
}
