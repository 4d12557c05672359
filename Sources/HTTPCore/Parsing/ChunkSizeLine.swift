/// Parses `chunk-size [ chunk-ext ]` (RFC 9112 §7.1.1). Extensions are validated and ignored.
enum ChunkSizeLine {
    /// Longest accepted size line, extensions included.
    static let maxBytes = 1024
    /// 16 hex digits fill 64 bits; more can only be padding or an overflow attempt.
    static let maxDigits = 16

    static func parse(_ line: UnsafeBufferPointer<UInt8>) throws(HTTPParseError) -> Int {
        var size: UInt64 = 0
        var i = 0
        while i < line.count, let digit = ByteClass.hexValue(line[i]) {
            guard i < maxDigits else { throw .badRequest("chunk size too long") }
            size = size << 4 | UInt64(digit)
            i += 1
        }
        guard i > 0 else { throw .badRequest("invalid chunk size") }
        guard size <= UInt64(Int.max) else { throw .badRequest("chunk size overflows") }
        try validateExtensions(UnsafeBufferPointer(rebasing: line[i...]))
        return Int(size)
    }

    /// `*( BWS ";" BWS ext-name [ BWS "=" BWS ( token / quoted-string ) ] )`
    private static func validateExtensions(_ bytes: UnsafeBufferPointer<UInt8>) throws(HTTPParseError) {
        var i = 0
        while i < bytes.count {
            i = skipWhitespace(bytes, from: i)
            guard i < bytes.count, bytes[i] == ASCII.semicolon else { throw .badRequest("invalid chunk extension") }
            i = skipWhitespace(bytes, from: i + 1)
            let nameEnd = skipToken(bytes, from: i)
            guard nameEnd > i else { throw .badRequest("invalid chunk extension") }
            let equals = skipWhitespace(bytes, from: nameEnd)
            guard equals < bytes.count, bytes[equals] == ASCII.equals else {
                i = nameEnd  // no value: the loop requires ";" or the end next
                continue
            }
            i = skipWhitespace(bytes, from: equals + 1)
            let valueEnd = i < bytes.count && bytes[i] == ASCII.quote
                ? try skipQuotedString(bytes, from: i)
                : skipToken(bytes, from: i)
            guard valueEnd > i else { throw .badRequest("invalid chunk extension") }
            i = valueEnd
        }
    }

    private static func skipWhitespace(_ bytes: UnsafeBufferPointer<UInt8>, from: Int) -> Int {
        var i = from
        while i < bytes.count, ByteClass.isWhitespace(bytes[i]) { i += 1 }
        return i
    }

    private static func skipToken(_ bytes: UnsafeBufferPointer<UInt8>, from: Int) -> Int {
        var i = from
        while i < bytes.count, ByteClass.isTChar(bytes[i]) { i += 1 }
        return i
    }

    /// Returns the index after the closing quote; `bytes[from]` is the opening quote.
    private static func skipQuotedString(_ bytes: UnsafeBufferPointer<UInt8>, from: Int) throws(HTTPParseError) -> Int {
        var i = from + 1
        while i < bytes.count {
            let b = bytes[i]
            if b == ASCII.quote { return i + 1 }
            if b == ASCII.backslash {
                guard i + 1 < bytes.count, ByteClass.isFieldValueByte(bytes[i + 1]) else { break }
                i += 2
                continue
            }
            guard ByteClass.isFieldValueByte(b) else { break }
            i += 1
        }
        throw .badRequest("invalid quoted string in chunk extension")
    }
}
