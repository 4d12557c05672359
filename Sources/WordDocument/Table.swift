/// A table of paragraphs with single black borders. The first `headerRows` rows repeat at the top
/// of every page the table runs onto; no row splits across pages.
public struct Table: Sendable, Equatable {
    public struct Cell: Sendable, Equatable {
        public var paragraphs: [Paragraph]
        /// Keeps a short value (a date, a status) on one line.
        public var noWrap: Bool

        public init(_ paragraphs: [Paragraph], noWrap: Bool = false) {
            self.paragraphs = paragraphs
            self.noWrap = noWrap
        }
    }

    /// Column widths in twips.
    public var columnWidths: [Int]
    public var rows: [[Cell]]
    public var headerRows: Int
    /// Left and right cell padding, twips.
    public var cellPadding: Int

    public init(columnWidths: [Int], rows: [[Cell]], headerRows: Int = 1, cellPadding: Int = 57) {
        self.columnWidths = columnWidths
        self.rows = rows
        self.headerRows = headerRows
        self.cellPadding = cellPadding
    }
}

/// What a document body holds.
public enum Block: Sendable, Equatable {
    case paragraph(Paragraph)
    case table(Table)
}
