/// The worksheet part of ``XLSXReader``: `<row>`s of `<c>` cells into text rows.
struct XLSXSheetReader {
    let strings: [String]
    let styles: XLSXStyles
    let limits: SpreadsheetLimits

    private var rows: [SheetRow] = []
    private var width: Int?

    init(strings: [String], styles: XLSXStyles, limits: SpreadsheetLimits) {
        self.strings = strings
        self.styles = styles
        self.limits = limits
    }

    /// A cell being read: its place, type, style and the text of its `<v>` or `<is>`.
    private struct OpenCell {
        let column: Int
        let reference: String
        let type: String
        let style: Int
        var value = ""
        var inline = ""
    }

    mutating func read(_ bytes: [UInt8]) throws(SpreadsheetReadError) -> [SheetRow] {
        var scanner = XMLScanner(bytes)
        var rowNumber = 0
        var cells: [String] = []
        var cell: OpenCell?
        var inValue = false
        var inInlineText = false
        do {
            while let event = try scanner.next() {
                switch event {
                case .start("row", let attributes, let selfClosing):
                    rowNumber = attributes["r"].flatMap { Int($0) } ?? rowNumber + 1
                    cells = []
                    if selfClosing { try finish(row: rowNumber, cells) }
                case .start("c", let attributes, let selfClosing):
                    let open = try self.open(attributes, row: rowNumber, next: cells.count)
                    if selfClosing { try place(open, in: &cells) } else { cell = open }
                case .start("v", _, let selfClosing):
                    inValue = !selfClosing
                case .start("t", _, let selfClosing):
                    inInlineText = cell != nil && !selfClosing
                case .text(let text):
                    if inValue { cell?.value += text } else if inInlineText { cell?.inline += text }
                    if let open = cell, open.value.count + open.inline.count > limits.maxCellCharacters {
                        throw SpreadsheetReadError(.tooLarge, row: rowNumber, reference: open.reference,
                                                   message: "holds more than \(limits.maxCellCharacters) characters")
                    }
                case .end("v"):
                    inValue = false
                case .end("t"):
                    inInlineText = false
                case .end("c"):
                    if let open = cell { try place(open, in: &cells) }
                    cell = nil
                case .end("row"):
                    try finish(row: rowNumber, cells)
                default:
                    continue
                }
            }
        } catch let failure as XMLScanner.Failure {
            throw SpreadsheetReadError(row: rowNumber, message: "the worksheet cannot be read near row \(rowNumber): \(failure.message)")
        } catch let error as SpreadsheetReadError {
            throw error
        } catch {
            throw SpreadsheetReadError(message: "the worksheet cannot be read")
        }
        return rows
    }

    private func open(_ attributes: [String: String], row: Int, next: Int) throws(SpreadsheetReadError) -> OpenCell {
        var column = next
        if let reference = attributes["r"] {
            guard let parsed = CellReference.parse(reference), parsed.row == row else {
                throw SpreadsheetReadError(row: row, reference: reference, message: "is not a cell reference of row \(row)")
            }
            column = parsed.column
        }
        let reference = CellReference.text(column: column, row: row)
        guard column < limits.maxColumns else {
            throw SpreadsheetReadError(.tooLarge, row: row, reference: reference,
                                       message: "is past the last column the import reads (\(limits.maxColumns) columns)")
        }
        return OpenCell(column: column, reference: reference, type: attributes["t"] ?? "n",
                        style: attributes["s"].flatMap { Int($0) } ?? 0)
    }

    private func place(_ cell: OpenCell, in cells: inout [String]) throws(SpreadsheetReadError) {
        guard cell.column >= cells.count else {
            throw SpreadsheetReadError(reference: cell.reference, message: "appears twice, or after a later cell of its row")
        }
        while cells.count < cell.column { cells.append("") }
        cells.append(try text(of: cell))
    }

    /// The cell's value as the text an importer reads.
    private func text(of cell: OpenCell) throws(SpreadsheetReadError) -> String {
        let value = cell.value
        switch cell.type {
        case "s":
            guard let index = Int(value.trimmed), index >= 0, index < strings.count else {
                throw SpreadsheetReadError(reference: cell.reference, message: "names a shared string the file does not have")
            }
            return strings[index]
        case "inlineStr":
            return OOXMLEscape.decode(cell.inline)
        case "str":
            return OOXMLEscape.decode(value)
        case "b":
            return value.trimmed == "1" ? "true" : "false"
        case "e":
            throw SpreadsheetReadError(reference: cell.reference, message: "holds the error \(value.trimmed); type a value instead")
        case "d":
            return String(value.trimmed.prefix(10))
        default:
            let trimmed = value.trimmed
            if trimmed.isEmpty { return "" }
            guard let number = DecimalText.normalised(trimmed) else {
                throw SpreadsheetReadError(reference: cell.reference, message: "holds \(trimmed), which is not a number")
            }
            if styles.isDate(style: cell.style) {
                guard let serial = Double(trimmed), let date = SheetDate(serial: serial) else {
                    throw SpreadsheetReadError(reference: cell.reference, message: "holds a date before 1900-03-01 or after 9999")
                }
                return date.description
            }
            return number
        }
    }

    private mutating func finish(row: Int, _ cells: [String]) throws(SpreadsheetReadError) {
        guard cells.contains(where: { !$0.isEmpty }) else { return }
        if let last = rows.last, row <= last.number {
            throw SpreadsheetReadError(row: row, message: "row \(row) comes after row \(last.number)")
        }
        guard rows.count <= limits.maxRows else {
            throw SpreadsheetReadError(.tooLarge, row: row,
                                       message: "the sheet has more than \(limits.maxRows) rows after the header; import at most \(limits.maxRows) at a time")
        }
        var padded = cells
        if let width {
            while padded.count < width { padded.append("") }
        } else {
            width = cells.count
        }
        rows.append(SheetRow(number: row, cells: padded))
    }
}

extension String {
    fileprivate var trimmed: String {
        var scalars = Substring(self).unicodeScalars[...]
        while let first = scalars.first, first == " " || first == "\n" || first == "\t" { scalars = scalars.dropFirst() }
        while let last = scalars.last, last == " " || last == "\n" || last == "\t" { scalars = scalars.dropLast() }
        return String(scalars)
    }
}
