/// A strict RFC 8259 recursive-descent parser over a contiguous byte buffer.
///
/// Recursion depth is bounded by ``JSONParseLimits/effectiveDepth``; strings are decoded from
/// byte slices in one step when they hold no escapes, and through one reused scratch buffer
/// when they do.
struct JSONParser: ~Copyable {
    private let bytes: UnsafeBufferPointer<UInt8>
    private var index = 0
    private var depth = 0
    private var elements = 0
    private let limits: JSONParseLimits
    private let maxDepth: Int
    private var scratch: [UInt8] = []

    init(_ bytes: UnsafeBufferPointer<UInt8>, limits: JSONParseLimits) {
        self.bytes = bytes
        self.limits = limits
        self.maxDepth = limits.effectiveDepth
    }

    /// Parses exactly one value with optional surrounding whitespace; a leading UTF-8 BOM is skipped.
    mutating func parseDocument() throws(JSONParseError) -> JSONValue {
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { index = 3 }
        skipWhitespace()
        let value = try parseValue()
        skipWhitespace()
        if index < bytes.count {
            throw unexpected(.trailingContent, "after the JSON value")
        }
        return value
    }

    // MARK: Values

    private mutating func parseValue() throws(JSONParseError) -> JSONValue {
        guard index < bytes.count else { throw endOfInput() }
        elements += 1
        if elements > limits.maxElements {
            throw error(.tooManyElements, "more than \(limits.maxElements) values in the document")
        }
        switch bytes[index] {
        case UInt8(ascii: "{"): return try parseObject()
        case UInt8(ascii: "["): return try parseArray()
        case UInt8(ascii: "\""): return .string(try parseString())
        case UInt8(ascii: "t"): return try parseLiteral("true", .bool(true))
        case UInt8(ascii: "f"): return try parseLiteral("false", .bool(false))
        case UInt8(ascii: "n"): return try parseLiteral("null", .null)
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .number(try parseNumber())
        default: throw unexpected(.unexpectedCharacter, nil)
        }
    }

    private mutating func parseLiteral(_ word: StaticString, _ value: JSONValue) throws(JSONParseError) -> JSONValue {
        let expected = UnsafeBufferPointer(start: word.utf8Start, count: word.utf8CodeUnitCount)
        for byte in expected {
            guard index < bytes.count else { throw endOfInput() }
            guard bytes[index] == byte else { throw unexpected(.unexpectedCharacter, nil) }
            index += 1
        }
        return value
    }

    private mutating func parseNumber() throws(JSONParseError) -> JSONNumber {
        let start = index
        switch JSONNumberGrammar.scan(bytes, from: start) {
        case .failure(let failure):
            index = failure.offset
            if index >= bytes.count { throw endOfInput() }
            throw error(.invalidNumber, failure.message)
        case .success(let end):
            guard end - start <= limits.maxNumberLength else {
                index = start
                throw error(.numberTooLong, "number longer than \(limits.maxNumberLength) characters")
            }
            index = end
            let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
            return JSONNumber(validatedText: text)
        }
    }

    // MARK: Containers

    private mutating func enterContainer() throws(JSONParseError) {
        depth += 1
        if depth > maxDepth { throw error(.tooDeep, "nesting deeper than \(maxDepth)") }
        index += 1
        skipWhitespace()
    }

    private mutating func parseArray() throws(JSONParseError) -> JSONValue {
        try enterContainer()
        var elements: [JSONValue] = []
        if index < bytes.count, bytes[index] == UInt8(ascii: "]") {
            index += 1
            depth -= 1
            return .array(elements)
        }
        while true {
            elements.append(try parseValue())
            skipWhitespace()
            guard index < bytes.count else { throw endOfInput() }
            if bytes[index] == UInt8(ascii: "]") { break }
            guard bytes[index] == UInt8(ascii: ",") else { throw unexpected(.unexpectedCharacter, "(expected ',' or ']')") }
            index += 1
            skipWhitespace()
            if index < bytes.count, bytes[index] == UInt8(ascii: "]") {
                throw error(.unexpectedCharacter, "trailing comma before ']'")
            }
        }
        index += 1
        depth -= 1
        return .array(elements)
    }

    private mutating func parseObject() throws(JSONParseError) -> JSONValue {
        try enterContainer()
        // Request objects mostly have a handful of members: one allocation instead of four.
        var object = JSONObject(capacity: 8)
        if index < bytes.count, bytes[index] == UInt8(ascii: "}") {
            index += 1
            depth -= 1
            return .object(object)
        }
        while true {
            try parseMember(into: &object)
            skipWhitespace()
            guard index < bytes.count else { throw endOfInput() }
            if bytes[index] == UInt8(ascii: "}") { break }
            guard bytes[index] == UInt8(ascii: ",") else { throw unexpected(.unexpectedCharacter, "(expected ',' or '}')") }
            index += 1
            skipWhitespace()
            if index < bytes.count, bytes[index] == UInt8(ascii: "}") {
                throw error(.unexpectedCharacter, "trailing comma before '}'")
            }
        }
        index += 1
        depth -= 1
        return .object(object)
    }

    private mutating func parseMember(into object: inout JSONObject) throws(JSONParseError) {
        guard index < bytes.count else { throw endOfInput() }
        guard bytes[index] == UInt8(ascii: "\"") else { throw unexpected(.unexpectedCharacter, "(expected a member name in double quotes)") }
        let keyStart = index
        let key = try parseString()
        skipWhitespace()
        guard index < bytes.count else { throw endOfInput() }
        guard bytes[index] == UInt8(ascii: ":") else { throw unexpected(.unexpectedCharacter, "(expected ':')") }
        index += 1
        skipWhitespace()
        let value = try parseValue()
        guard object.insertNew(key, value) else {
            index = keyStart
            throw error(.duplicateKey, "duplicate key \(quoted(key))")
        }
    }

    // MARK: Strings

    /// Parses a string starting at its opening quote.
    private mutating func parseString() throws(JSONParseError) -> String {
        index += 1
        let start = index
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                try checkStringLength(start)
                let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
                index += 1
                return text
            }
            if byte == UInt8(ascii: "\\") { return try parseEscapedString(from: start) }
            try advanceStringByte(byte)
        }
        throw endOfInput()
    }

    /// The slow path, entered at the first backslash: copies runs and decoded escapes into `scratch`.
    private mutating func parseEscapedString(from start: Int) throws(JSONParseError) -> String {
        scratch.removeAll(keepingCapacity: true)
        var runStart = start
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") {
                scratch.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
                try checkStringLength(start)
                if byte == UInt8(ascii: "\"") {
                    index += 1
                    return String(decoding: scratch, as: UTF8.self)
                }
                try decodeEscape()
                runStart = index
            } else {
                try advanceStringByte(byte)
            }
        }
        throw endOfInput()
    }

    /// Steps over one unescaped character inside a string, validating it.
    @inline(__always)
    private mutating func advanceStringByte(_ byte: UInt8) throws(JSONParseError) {
        if byte >= 0x80 {
            let length = UTF8Validation.sequenceLength(bytes, at: index)
            if length == 0 { throw error(.invalidUTF8, "invalid UTF-8") }
            index += length
        } else if byte < 0x20 {
            throw error(.controlCharacter, "unescaped control character \(scalarName(UInt32(byte))) in string")
        } else {
            index += 1
        }
    }

    private func checkStringLength(_ start: Int) throws(JSONParseError) {
        guard index - start <= limits.maxStringBytes else {
            throw JSONParseError.at(start, in: bytes, .stringTooLong, "string longer than \(limits.maxStringBytes) bytes")
        }
    }

    /// Decodes the escape at `index` (a backslash) into `scratch`.
    private mutating func decodeEscape() throws(JSONParseError) {
        index += 1
        guard index < bytes.count else { throw endOfInput() }
        let decoded: UInt8
        switch bytes[index] {
        case UInt8(ascii: "\""): decoded = UInt8(ascii: "\"")
        case UInt8(ascii: "\\"): decoded = UInt8(ascii: "\\")
        case UInt8(ascii: "/"): decoded = UInt8(ascii: "/")
        case UInt8(ascii: "b"): decoded = 0x08
        case UInt8(ascii: "f"): decoded = 0x0C
        case UInt8(ascii: "n"): decoded = 0x0A
        case UInt8(ascii: "r"): decoded = 0x0D
        case UInt8(ascii: "t"): decoded = 0x09
        case UInt8(ascii: "u"):
            try decodeUnicodeEscape()
            return
        default:
            index -= 1
            throw error(.invalidEscape, "invalid escape sequence")
        }
        scratch.append(decoded)
        index += 1
    }

    /// Decodes `\uXXXX` (index at the `u`), pairing surrogates; a lone surrogate is an error.
    private mutating func decodeUnicodeEscape() throws(JSONParseError) {
        let escapeStart = index - 1
        let first = try readHex4()
        var scalarValue = first
        if (0xDC00...0xDFFF).contains(first) {
            throw JSONParseError.at(escapeStart, in: bytes, .invalidSurrogate, "lone low surrogate \\u\(hex4(first))")
        }
        if (0xD800...0xDBFF).contains(first) {
            guard index + 1 < bytes.count, bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u") else {
                throw JSONParseError.at(escapeStart, in: bytes, .invalidSurrogate, "lone high surrogate \\u\(hex4(first))")
            }
            index += 1
            let second = try readHex4()
            guard (0xDC00...0xDFFF).contains(second) else {
                throw JSONParseError.at(escapeStart, in: bytes, .invalidSurrogate, "lone high surrogate \\u\(hex4(first))")
            }
            scalarValue = 0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00)
        }
        guard let scalar = Unicode.Scalar(scalarValue) else {
            throw JSONParseError.at(escapeStart, in: bytes, .invalidSurrogate, "invalid \\u escape")
        }
        scratch.append(contentsOf: scalar.utf8)
    }

    /// Reads four hex digits after the `u` at `index`; leaves `index` after them.
    private mutating func readHex4() throws(JSONParseError) -> UInt32 {
        index += 1
        var value: UInt32 = 0
        for _ in 0..<4 {
            guard index < bytes.count else { throw endOfInput() }
            guard let digit = hexValue(bytes[index]) else {
                throw error(.invalidEscape, "invalid \\u escape: expected a hex digit")
            }
            value = value << 4 | digit
            index += 1
        }
        return value
    }

    // MARK: Helpers

    @inline(__always)
    private mutating func skipWhitespace() {
        while index < bytes.count {
            switch bytes[index] {
            case 0x20, 0x0A, 0x0D, 0x09: index += 1
            default: return
            }
        }
    }

    private func error(_ reason: JSONParseError.Reason, _ what: String) -> JSONParseError {
        JSONParseError.at(index, in: bytes, reason, what)
    }

    private func endOfInput() -> JSONParseError {
        JSONParseError.at(bytes.count, in: bytes, .unexpectedEnd, "unexpected end of input")
    }

    /// An error naming the character at `index`, with `context` appended; invalid UTF-8 there
    /// is reported as such.
    private func unexpected(_ reason: JSONParseError.Reason, _ context: String?) -> JSONParseError {
        guard index < bytes.count else { return endOfInput() }
        let length = UTF8Validation.sequenceLength(bytes, at: index)
        if length == 0 { return error(.invalidUTF8, "invalid UTF-8") }
        let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[index..<index + length]), as: UTF8.self)
        let scalar = text.unicodeScalars.first.map(\.value) ?? 0
        let shown = (0x21...0x7E).contains(scalar) || scalar > 0xA0 ? "'\(text)'" : scalarName(scalar)
        return error(reason, "unexpected character \(shown)" + (context.map { " \($0)" } ?? ""))
    }
}

private func hexValue(_ byte: UInt8) -> UInt32? {
    switch byte {
    case UInt8(ascii: "0")...UInt8(ascii: "9"): UInt32(byte - UInt8(ascii: "0"))
    case UInt8(ascii: "a")...UInt8(ascii: "f"): UInt32(byte - UInt8(ascii: "a") + 10)
    case UInt8(ascii: "A")...UInt8(ascii: "F"): UInt32(byte - UInt8(ascii: "A") + 10)
    default: nil
    }
}

private func hex4(_ value: UInt32) -> String {
    let digits = String(value, radix: 16, uppercase: true)
    return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
}

/// "U+000A" style name for characters that would be invisible or confusing in quotes.
private func scalarName(_ value: UInt32) -> String {
    "U+" + hex4(value)
}

/// A member name quoted for a message, shortened so a hostile key cannot bloat the error.
private func quoted(_ key: String) -> String {
    let shown = key.count > 64 ? String(key.prefix(64)) + "…" : key
    return "\"\(shown)\""
}
