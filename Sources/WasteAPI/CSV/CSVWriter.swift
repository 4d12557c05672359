/// RFC 4180 CSV for spreadsheets: UTF-8 with a BOM (so Excel and WPS read Chinese text),
/// CRLF line ends, fields quoted when they hold a comma, quote, CR or LF.
///
/// Cells starting with `=`, `+`, `-` or `@` are prefixed with `'` so a spreadsheet never
/// runs them as formulas (CSV injection); the importer strips that prefix again.
struct CSVWriter {
    private(set) var bytes: [UInt8] = [0xEF, 0xBB, 0xBF]

    mutating func row(_ fields: [String]) {
        for (index, field) in fields.enumerated() {
            if index > 0 { bytes.append(UInt8(ascii: ",")) }
            append(field)
        }
        bytes.append(contentsOf: [13, 10])
    }

    private mutating func append(_ field: String) {
        var text = field
        if let first = text.unicodeScalars.first, "=+-@".unicodeScalars.contains(first), !Self.isNumber(text) {
            text = "'" + text
        }
        let needsQuotes = text.utf8.contains { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == 13 || $0 == 10 }
        guard needsQuotes else {
            bytes.append(contentsOf: text.utf8)
            return
        }
        bytes.append(UInt8(ascii: "\""))
        for byte in text.utf8 {
            if byte == UInt8(ascii: "\"") { bytes.append(byte) }
            bytes.append(byte)
        }
        bytes.append(UInt8(ascii: "\""))
    }

    /// Negative numbers stay numbers.
    private static func isNumber(_ text: String) -> Bool {
        Double(text) != nil
    }
}
