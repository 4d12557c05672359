/// RFC 4180 CSV for spreadsheets: UTF-8 with a BOM (so Excel, WPS and LibreOffice read Chinese
/// text without an import dialog), CRLF line ends, fields quoted when they hold a comma, quote,
/// CR or LF, and text that would start a formula neutralised (``FormulaGuard``).
public struct CSVEncoder: Sendable {
    public private(set) var bytes: [UInt8] = [0xEF, 0xBB, 0xBF]

    public init() {}

    /// The whole file: BOM, header row in `language`, one line per row.
    public static func encode(_ sheet: Sheet, headers language: HeaderLanguage = .english) -> [UInt8] {
        var encoder = CSVEncoder()
        encoder.textRow(sheet.headers(language))
        for row in sheet.rows { encoder.row(row) }
        return encoder.bytes
    }

    /// One line of cells; only text cells are neutralised (numbers and dates cannot start a formula).
    public mutating func row(_ cells: [Cell]) {
        for (index, cell) in cells.enumerated() {
            if index > 0 { bytes.append(UInt8(ascii: ",")) }
            if case .text(let text) = cell {
                field(FormulaGuard.neutralise(text))
            } else {
                field(cell.csvText)
            }
        }
        bytes.append(contentsOf: [13, 10])
    }

    /// One line of text cells, each neutralised.
    public mutating func textRow(_ fields: [String]) {
        row(fields.map(Cell.text))
    }

    private mutating func field(_ text: String) {
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
}
