import Foundation

/// The one normalisation every text field gets (docs/API.md, Conventions; issue 13, F4), applied by
/// ``JSONFieldReader/string(_:required:minLength:maxLength:multiline:)`` and so by every body
/// and every imported CSV row:
///
/// - white space at either end is trimmed (Unicode white space, including U+3000);
/// - the text is put in Unicode NFC, so `Café` typed as `e` + U+0301 is the same name as `Café`;
/// - control and format characters are refused: Unicode categories Cc (NUL, escapes, CR) and Cf
///   (zero-width spaces and joiners, bidirectional overrides, the BOM), and the line and
///   paragraph separators U+2028/U+2029. Line feeds and tabs are allowed only in multi-line
///   free text (notes, descriptions); CR is refused there too (CRLF would survive as a CR).
///
/// Printable ASCII without spaces at the ends is returned as it is, without any of this work:
/// it is already NFC, and it is most of what a ledger batch sends.
enum TextNormalization {
    enum Problem: Equatable {
        case forbidden(Unicode.Scalar)
    }

    static func normalize(_ text: String, multiline: Bool) -> Result<String, ProblemError> {
        if isPlainASCII(text) { return .success(text) }
        for scalar in text.unicodeScalars where isForbidden(scalar, multiline: multiline) {
            return .failure(ProblemError(scalar: scalar))
        }
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        let ascii = trimmed.utf8.allSatisfy { $0 < 0x80 }
        return .success(ascii ? trimmed : trimmed.precomposedStringWithCanonicalMapping)
    }

    struct ProblemError: Error, Equatable {
        let scalar: Unicode.Scalar

        var message: String {
            let hex = String(scalar.value, radix: 16, uppercase: true)
            let code = String(repeating: "0", count: max(0, 4 - hex.count)) + hex
            return "must not contain control or invisible formatting characters (found U+\(code))"
        }
    }

    private static func isPlainASCII(_ text: String) -> Bool {
        let bytes = text.utf8
        guard let first = bytes.first, let last = bytes.last else { return true }
        return first != 0x20 && last != 0x20 && bytes.allSatisfy { (0x20...0x7E).contains($0) }
    }

    private static func isForbidden(_ scalar: Unicode.Scalar, multiline: Bool) -> Bool {
        if multiline && (scalar == "\n" || scalar == "\t") { return false }
        if scalar.value == 0x2028 || scalar.value == 0x2029 { return true }
        switch scalar.properties.generalCategory {
        case .control, .format: return true
        default: return false
        }
    }
}
