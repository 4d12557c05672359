/// Why a spreadsheet file was refused: a message a clerk can act on, naming the cell (`B7`)
/// or row when there is one.
public struct SpreadsheetReadError: Error, Equatable, CustomStringConvertible {
    public enum Kind: Sendable, Equatable {
        /// Not a readable file of the format, or a cell that cannot be read.
        case invalid
        /// More rows, columns or bytes than the reader takes.
        case tooLarge
    }

    public let kind: Kind
    /// The 1-based row (the file's line for CSV), when the problem has one.
    public let row: Int?
    /// `B7`, when the problem is one cell.
    public let reference: String?
    public let message: String

    public init(_ kind: Kind = .invalid, row: Int? = nil, reference: String? = nil, message: String) {
        self.kind = kind
        self.row = row
        self.reference = reference
        self.message = message
    }

    public var description: String {
        if let reference { return "\(reference): \(message)" }
        if let row { return "row \(row): \(message)" }
        return message
    }
}

/// Bounds on what a reader takes from one file, so a hostile or mistaken upload costs bounded
/// memory and time.
public struct SpreadsheetLimits: Sendable, Equatable {
    /// Data rows, after the header.
    public var maxRows: Int
    public var maxColumns: Int
    /// Excel's own limit for one cell.
    public var maxCellCharacters: Int
    /// Uncompressed bytes of one part of an xlsx package (the worksheet, the shared strings).
    public var maxPartBytes: Int

    public init(maxRows: Int = 10_000, maxColumns: Int = 200, maxCellCharacters: Int = 32_767,
                maxPartBytes: Int = 64 << 20) {
        self.maxRows = maxRows
        self.maxColumns = maxColumns
        self.maxCellCharacters = maxCellCharacters
        self.maxPartBytes = maxPartBytes
    }
}

/// One row of a file as text cells: the shape both readers give the importers.
public struct SheetRow: Sendable, Equatable {
    /// 1-based: the row number Excel shows, or the CSV line where the row starts.
    public let number: Int
    public let cells: [String]

    public init(number: Int, cells: [String]) {
        self.number = number
        self.cells = cells
    }
}
