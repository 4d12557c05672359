/// A header value with `;`-separated parameters (`form-data; name="file"; filename="a.jpg"`),
/// values as tokens or quoted strings (RFC 9110 §5.6.6), names compared case-insensitively.
struct HeaderParameters {
    var value: String
    var parameters: [(name: String, value: String)] = []

    subscript(name: String) -> String? {
        parameters.first { $0.name == name }?.value
    }

    static func parse(_ text: String) throws(MultipartError) -> HeaderParameters {
        var scanner = Array(text.utf8)[...]
        let main = take(&scanner) { $0 != UInt8(ascii: ";") }
        var result = HeaderParameters(value: String(decoding: main, as: UTF8.self).trimmingSpaces())
        while let first = scanner.first, first == UInt8(ascii: ";") {
            scanner.removeFirst()
            skipSpaces(&scanner)
            if scanner.isEmpty { break }
            let name = take(&scanner) { $0 != UInt8(ascii: "=") && $0 != UInt8(ascii: ";") }
            guard scanner.first == UInt8(ascii: "=") else { throw .malformedPartHeader("a parameter without a value") }
            scanner.removeFirst()
            skipSpaces(&scanner)
            let value: [UInt8]
            if scanner.first == UInt8(ascii: "\"") {
                value = try quoted(&scanner)
            } else {
                value = Array(take(&scanner) { $0 != UInt8(ascii: ";") })
            }
            let nameText = String(decoding: name, as: UTF8.self).trimmingSpaces().lowercased()
            guard !nameText.isEmpty, nameText.utf8.allSatisfy(MultipartPartHeaders.isTokenByte) else {
                throw .malformedPartHeader("an invalid parameter name")
            }
            guard let valueText = String(validating: value, as: UTF8.self) else {
                throw .malformedPartHeader("a parameter that is not UTF-8")
            }
            result.parameters.append((nameText, valueText.trimmingSpaces()))
            skipSpaces(&scanner)
        }
        guard scanner.isEmpty else { throw .malformedPartHeader("text after a quoted parameter") }
        return result
    }

    /// RFC 8187 `charset'language'percent-encoded`; only UTF-8 (and ASCII) are accepted.
    static func decodeExtended(_ text: String) -> String? {
        let pieces = text.split(separator: "'", maxSplits: 2, omittingEmptySubsequences: false)
        guard pieces.count == 3 else { return nil }
        let charset = pieces[0].lowercased()
        guard charset == "utf-8" || charset == "us-ascii" else { return nil }
        var bytes: [UInt8] = []
        var iterator = Array(pieces[2].utf8).makeIterator()
        while let byte = iterator.next() {
            if byte == UInt8(ascii: "%") {
                guard let high = iterator.next().flatMap(hexValue), let low = iterator.next().flatMap(hexValue) else { return nil }
                bytes.append(high << 4 | low)
            } else {
                bytes.append(byte)
            }
        }
        return String(validating: bytes, as: UTF8.self)
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }

    private static func take(_ scanner: inout ArraySlice<UInt8>, while keep: (UInt8) -> Bool) -> ArraySlice<UInt8> {
        let end = scanner.firstIndex { !keep($0) } ?? scanner.endIndex
        defer { scanner = scanner[end...] }
        return scanner[scanner.startIndex..<end]
    }

    private static func skipSpaces(_ scanner: inout ArraySlice<UInt8>) {
        while let first = scanner.first, first == 32 || first == 9 { scanner.removeFirst() }
    }

    /// A quoted string; `\x` stands for `x`.
    private static func quoted(_ scanner: inout ArraySlice<UInt8>) throws(MultipartError) -> [UInt8] {
        scanner.removeFirst()
        var value: [UInt8] = []
        while let byte = scanner.popFirst() {
            switch byte {
            case UInt8(ascii: "\""):
                return value
            case UInt8(ascii: "\\"):
                guard let escaped = scanner.popFirst() else { throw .malformedPartHeader("an unterminated quoted string") }
                value.append(escaped)
            default:
                value.append(byte)
            }
        }
        throw .malformedPartHeader("an unterminated quoted string")
    }
}
