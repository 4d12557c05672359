/// Writes a ``Sheet`` as the parts of an Office Open XML workbook (`.xlsx`): text in the
/// shared-string table, numbers as numbers, dates as day numbers with a `yyyy-mm-dd` format
/// (so they are real dates that sort and filter), booleans as booleans, a bold frozen header
/// row and column widths. The parts are put into a ZIP package by ``XLSXFile``.
public struct XLSXWriter {
    private var strings: [String] = []
    private var stringIndex: [String: Int] = [:]
    private var stringCount = 0

    /// One named part of the package, e.g. `xl/worksheets/sheet1.xml`.
    public struct Part: Sendable {
        public let path: String
        public let bytes: [UInt8]
    }

    /// Every part of the workbook, in the order a package lists them.
    public static func parts(_ sheet: Sheet, headers language: HeaderLanguage = .english) -> [Part] {
        var writer = XLSXWriter()
        let worksheet = writer.worksheet(sheet, language)
        return [
            Part(path: "[Content_Types].xml", bytes: Array(XLSXParts.contentTypes.utf8)),
            Part(path: "_rels/.rels", bytes: Array(XLSXParts.packageRelationships.utf8)),
            Part(path: "docProps/app.xml", bytes: Array(XLSXParts.appProperties.utf8)),
            Part(path: "xl/workbook.xml", bytes: Array(XLSXParts.workbook(sheetName: XLSXParts.sheetName(sheet.name)).utf8)),
            Part(path: "xl/_rels/workbook.xml.rels", bytes: Array(XLSXParts.workbookRelationships.utf8)),
            Part(path: "xl/styles.xml", bytes: Array(XLSXParts.styles.utf8)),
            Part(path: "xl/worksheets/sheet1.xml", bytes: worksheet),
            Part(path: "xl/sharedStrings.xml", bytes: writer.sharedStrings()),
        ]
    }

    // MARK: The worksheet

    private mutating func worksheet(_ sheet: Sheet, _ language: HeaderLanguage) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(64 + sheet.rows.count * sheet.columns.count * 24)
        let lastColumn = CellReference.column(max(sheet.columns.count, 1) - 1)
        let lastRow = sheet.rows.count + 1
        out.append(contentsOf: XLSXParts.declaration.utf8)
        out.append(contentsOf: "<worksheet xmlns=\"\(XLSXParts.mainNamespace)\" xmlns:r=\"\(XLSXParts.relationshipNamespace)\">".utf8)
        out.append(contentsOf: "<dimension ref=\"A1:\(lastColumn)\(lastRow)\"/>".utf8)
        // the header row stays in view while scrolling
        out.append(contentsOf: ("<sheetViews><sheetView workbookViewId=\"0\"><pane ySplit=\"1\" topLeftCell=\"A2\" "
            + "activePane=\"bottomLeft\" state=\"frozen\"/><selection pane=\"bottomLeft\" activeCell=\"A2\" sqref=\"A2\"/>"
            + "</sheetView></sheetViews><sheetFormatPr defaultRowHeight=\"15\"/>").utf8)
        if !sheet.columns.isEmpty {
            out.append(contentsOf: "<cols>".utf8)
            for (index, column) in sheet.columns.enumerated() {
                out.append(contentsOf: "<col min=\"\(index + 1)\" max=\"\(index + 1)\" width=\"\(column.width)\" customWidth=\"1\"/>".utf8)
            }
            out.append(contentsOf: "</cols>".utf8)
        }
        out.append(contentsOf: "<sheetData>".utf8)
        row(1, sheet.headers(language).map(Cell.text), style: .header, into: &out)
        for (index, cells) in sheet.rows.enumerated() {
            row(index + 2, cells, style: nil, into: &out)
        }
        out.append(contentsOf: "</sheetData></worksheet>".utf8)
        return out
    }

    private mutating func row(_ number: Int, _ cells: [Cell], style: XLSXParts.Style?, into out: inout [UInt8]) {
        out.append(contentsOf: "<row r=\"\(number)\">".utf8)
        for (index, cell) in cells.enumerated() {
            self.cell(cell, reference: CellReference.text(column: index, row: number), style: style, into: &out)
        }
        out.append(contentsOf: "</row>".utf8)
    }

    private mutating func cell(_ cell: Cell, reference: String, style: XLSXParts.Style?, into out: inout [UInt8]) {
        func open(_ type: String?, _ cellStyle: XLSXParts.Style?) {
            out.append(contentsOf: "<c r=\"\(reference)\"".utf8)
            if let cellStyle, cellStyle != .plain { out.append(contentsOf: " s=\"\(cellStyle.rawValue)\"".utf8) }
            if let type { out.append(contentsOf: " t=\"\(type)\"".utf8) }
            out.append(contentsOf: "><v>".utf8)
        }
        switch cell {
        case .empty:
            return
        case .text(let text):
            let quoted = style == nil && FormulaGuard.startsLikeFormula(text)
            open("s", quoted ? .quotedText : style)
            out.append(contentsOf: String(intern(text)).utf8)
        case .number(let text):
            guard DecimalText.isPlainDecimal(text) else { return self.cell(.text(text), reference: reference, style: style, into: &out) }
            open(nil, style)
            out.append(contentsOf: text.utf8)
        case .integer(let value):
            open(nil, style)
            out.append(contentsOf: String(value).utf8)
        case .date(let date):
            open(nil, .date)
            out.append(contentsOf: String(date.serial).utf8)
        case .bool(let value):
            open("b", style)
            out.append(value ? UInt8(ascii: "1") : UInt8(ascii: "0"))
        }
        out.append(contentsOf: "</v></c>".utf8)
    }

    // MARK: Shared strings

    private mutating func intern(_ text: String) -> Int {
        stringCount += 1
        if let index = stringIndex[text] { return index }
        let index = strings.count
        strings.append(text)
        stringIndex[text] = index
        return index
    }

    private func sharedStrings() -> [UInt8] {
        var out: [UInt8] = Array(XLSXParts.declaration.utf8)
        out.append(contentsOf: "<sst xmlns=\"\(XLSXParts.mainNamespace)\" count=\"\(stringCount)\" uniqueCount=\"\(strings.count)\">".utf8)
        for text in strings {
            out.append(contentsOf: "<si><t xml:space=\"preserve\">".utf8)
            XMLEscaping.append(text, to: &out)
            out.append(contentsOf: "</t></si>".utf8)
        }
        out.append(contentsOf: "</sst>".utf8)
        return out
    }
}
