/// The running size and count of a header (or trailer) section, checked line by line so an
/// oversized section is refused while it streams in rather than after it is buffered.
struct FieldBudget: Sendable {
    let maxBytes: Int
    let maxCount: Int
    /// Bytes of field lines so far, CRLFs included; the request line is not counted (it has its own limit).
    private(set) var usedBytes = 0
    private(set) var fieldCount = 0

    init(limits: HTTPLimits) {
        maxBytes = limits.maxHeaderBytes
        maxCount = limits.maxHeaderCount
    }

    /// Most content bytes the next line may have so that it and its CRLF still fit.
    var lineLimit: Int { maxBytes - usedBytes - 2 }

    /// Records a line of `contentBytes` plus CRLF (the terminating empty line included).
    mutating func chargeLine(contentBytes: Int) {
        usedBytes += contentBytes + 2
    }

    /// Records one more field; throws past the count limit.
    mutating func chargeField() throws(HTTPParseError) {
        fieldCount += 1
        guard fieldCount <= maxCount else { throw .headerFieldsTooLarge }
    }
}

/// Parses one `field-name ":" OWS field-value OWS` line (RFC 9112 §5), strictly.
enum HeaderFieldParser {
    /// The lower-cased name and the trimmed value of a field line (CRLF excluded).
    static func parse(_ line: UnsafeBufferPointer<UInt8>) throws(HTTPParseError) -> (name: String, value: String) {
        guard let first = line.first else { throw .badRequest("empty field line") }
        // obs-fold (RFC 9112 §5.2): also catches whitespace before the first field.
        guard !ByteClass.isWhitespace(first) else { throw .badRequest("obsolete line folding") }
        guard let colon = line.firstIndex(of: ASCII.colon, from: 0) else {
            throw .badRequest("field line without colon")
        }
        let nameBytes = UnsafeBufferPointer(rebasing: line[..<colon])
        try validateName(nameBytes)
        let valueBytes = UnsafeBufferPointer(rebasing: line[(colon + 1)...])
        guard valueBytes.allSatisfy(ByteClass.isFieldValueByte) else {
            throw .badRequest("control character in field value")
        }
        return (lowercasedString(nameBytes), valueBytes.trimmingWhitespace().string)
    }

    private static func validateName(_ name: UnsafeBufferPointer<UInt8>) throws(HTTPParseError) {
        guard !name.isEmpty else { throw .badRequest("empty field name") }
        for b in name where !ByteClass.isTChar(b) {
            // Whitespace before the colon is a classic smuggling vector (RFC 9112 §5.1).
            throw ByteClass.isWhitespace(b) ? .badRequest("whitespace before colon") : .badRequest("invalid field name")
        }
    }

    /// Names are ASCII tokens, so byte-wise lower-casing is exact.
    private static func lowercasedString(_ name: UnsafeBufferPointer<UInt8>) -> String {
        String(unsafeUninitializedCapacity: name.count) { out in
            for i in 0..<name.count { out[i] = ByteClass.lowercased(name[i]) }
            return name.count
        }
    }
}
