extension JSONValue {
    /// Parses one strict RFC 8259 document from UTF-8 bytes.
    ///
    /// Rejects comments, trailing commas, single quotes, `NaN`/`Infinity`, leading zeros or `+`,
    /// unescaped control characters, lone surrogates, ill-formed UTF-8, duplicate member names
    /// and anything after the value. A UTF-8 byte order mark at the very start is skipped.
    public static func parse(_ bytes: UnsafeRawBufferPointer, limits: JSONParseLimits = .init()) throws(JSONParseError) -> JSONValue {
        var parser = JSONParser(bytes.bindMemory(to: UInt8.self), limits: limits)
        return try parser.parseDocument()
    }

    /// Parses one strict RFC 8259 document from UTF-8 bytes (`[UInt8]`, `ArraySlice`, `Data`, …).
    /// Contiguous collections are read in place; others are copied once.
    public static func parse(_ bytes: some Collection<UInt8>, limits: JSONParseLimits = .init()) throws(JSONParseError) -> JSONValue {
        let result = bytes.withContiguousStorageIfAvailable { buffer in
            parseResult(buffer, limits: limits)
        }
        if let result { return try result.get() }
        return try Array(bytes).withUnsafeBufferPointer { parseResult($0, limits: limits) }.get()
    }

    /// Parses one strict RFC 8259 document from the UTF-8 form of `text`.
    public static func parse(_ text: String, limits: JSONParseLimits = .init()) throws(JSONParseError) -> JSONValue {
        var text = text
        return try text.withUTF8 { parseResult($0, limits: limits) }.get()
    }

    // The standard library's closures rethrow untyped errors; a Result keeps the type.
    private static func parseResult(_ buffer: UnsafeBufferPointer<UInt8>, limits: JSONParseLimits) -> Result<JSONValue, JSONParseError> {
        var parser = JSONParser(buffer, limits: limits)
        do throws(JSONParseError) {
            return .success(try parser.parseDocument())
        } catch {
            return .failure(error)
        }
    }
}
