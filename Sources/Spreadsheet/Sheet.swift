/// One table for a spreadsheet: typed columns with an English and a Chinese header, and rows
/// of cells. The CSV encoder and the xlsx writer both take it, so a list exports the same
/// content in either format.
public struct Sheet: Sendable, Equatable {
    /// The worksheet's tab name (Excel allows at most 31 characters, no `[]:*?/\`).
    public var name: String
    public var columns: [SheetColumn]
    public var rows: [[Cell]]

    public init(name: String, columns: [SheetColumn], rows: [[Cell]] = []) {
        self.name = name
        self.columns = columns
        self.rows = rows
    }

    /// The header row in `language`.
    public func headers(_ language: HeaderLanguage) -> [String] {
        columns.map { $0.header(language) }
    }
}

/// Which header names (and enum labels, chosen by the caller) an export uses.
public enum HeaderLanguage: String, Sendable {
    case english
    case chinese
}

public struct SheetColumn: Sendable, Equatable {
    /// The field's code, e.g. `weight_kg`: the English header.
    public let key: String
    /// The header of a Chinese spreadsheet, e.g. `重量（公斤）`.
    public let chinese: String
    /// Approximate width in characters; the xlsx writer sets it so headers are readable.
    public let width: Int

    public init(_ key: String, _ chinese: String, width: Int? = nil) {
        self.key = key
        self.chinese = chinese
        // a CJK character is about two Latin ones wide
        self.width = width ?? max(8, min(40, max(key.count, chinese.count * 2) + 2))
    }

    public func header(_ language: HeaderLanguage) -> String {
        language == .chinese ? chinese : key
    }
}

/// One cell's value. Numbers are exact decimal text (`12.345`), never a `Double`, so weights
/// and money keep their digits in CSV; the xlsx file stores the same text.
public enum Cell: Sendable, Equatable {
    case text(String)
    /// An exact decimal: optional `-`, digits, optional `.` and digits (`-0.5`, `12.345`).
    case number(String)
    case integer(Int64)
    case date(SheetDate)
    case bool(Bool)
    case empty

    /// Text, or `.empty` for nil.
    public static func text(_ value: String?) -> Cell {
        value.map(Cell.text) ?? .empty
    }

    /// The text a CSV file holds for the cell (before formula neutralisation).
    public var csvText: String {
        switch self {
        case .text(let text): text
        case .number(let text): text
        case .integer(let value): String(value)
        case .date(let date): date.description
        case .bool(let value): value ? "true" : "false"
        case .empty: ""
        }
    }
}
