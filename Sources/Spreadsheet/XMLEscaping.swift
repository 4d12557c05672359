/// Text and attribute escaping for the SpreadsheetML parts we write.
///
/// XML 1.0 cannot carry most control characters at all, and a literal CR would be folded into
/// LF by every reader. OOXML's own escape (`_xHHHH_`, ECMA-376 Part 1 §22.9.2.19 ST_Xstring)
/// carries the control characters; CR is written as `&#13;`; a literal `_xHHHH_` in the text
/// gets its `_` escaped (`_x005F_`) so it reads back as itself.
enum XMLEscaping {
    static func append(_ text: String, to bytes: inout [UInt8], attribute: Bool = false) {
        let scalars = Array(text.unicodeScalars)
        for (index, scalar) in scalars.enumerated() {
            switch scalar {
            case "&": bytes.append(contentsOf: "&amp;".utf8)
            case "<": bytes.append(contentsOf: "&lt;".utf8)
            case ">": bytes.append(contentsOf: "&gt;".utf8)
            case "\"" where attribute: bytes.append(contentsOf: "&quot;".utf8)
            case "\r": bytes.append(contentsOf: "&#13;".utf8)
            case "\n" where attribute: bytes.append(contentsOf: "&#10;".utf8)
            case "\t" where attribute: bytes.append(contentsOf: "&#9;".utf8)
            case "_" where OOXMLEscape.startsEscape(scalars, at: index):
                bytes.append(contentsOf: "_x005F_".utf8)
            default:
                if isAllowed(scalar) {
                    bytes.append(contentsOf: String(scalar).utf8)
                } else {
                    bytes.append(contentsOf: OOXMLEscape.encode(scalar).utf8)
                }
            }
        }
    }

    static func escaped(_ text: String, attribute: Bool = false) -> String {
        var bytes: [UInt8] = []
        append(text, to: &bytes, attribute: attribute)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The characters XML 1.0 allows (§2.2 Char), less the ones escaped above.
    private static func isAllowed(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x9, 0xA: true
        case 0x20...0xD7FF, 0xE000...0xFFFD, 0x10000...0x10FFFF: true
        default: false
        }
    }
}

/// ECMA-376's `_xHHHH_` escape of a UTF-16 code unit in text.
enum OOXMLEscape {
    static func encode(_ scalar: Unicode.Scalar) -> String {
        let hex = String(scalar.value, radix: 16, uppercase: true)
        return "_x" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex + "_"
    }

    /// Whether `_xHHHH_` starts at `index`.
    static func startsEscape(_ scalars: [Unicode.Scalar], at index: Int) -> Bool {
        guard index + 6 < scalars.count, scalars[index] == "_", scalars[index + 1] == "x", scalars[index + 6] == "_" else {
            return false
        }
        return scalars[(index + 2)...(index + 5)].allSatisfy { $0.properties.isASCIIHexDigit }
    }

    /// Text with every `_xHHHH_` replaced by its character (an unpaired surrogate is dropped).
    static func decode(_ text: String) -> String {
        guard text.utf8.contains(UInt8(ascii: "_")) else { return text }
        let scalars = Array(text.unicodeScalars)
        var out = String.UnicodeScalarView()
        var index = 0
        while index < scalars.count {
            if startsEscape(scalars, at: index) {
                let hex = String(String.UnicodeScalarView(scalars[(index + 2)...(index + 5)]))
                if let value = UInt32(hex, radix: 16), let scalar = Unicode.Scalar(value) { out.append(scalar) }
                index += 7
            } else {
                out.append(scalars[index])
                index += 1
            }
        }
        return String(out)
    }
}
