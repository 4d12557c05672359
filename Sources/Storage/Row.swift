/// The column names of a result set, shared by all its rows so a name lookup table is built once.
final class RowColumns: Sendable {
    let names: [String]
    private let exact: [String: Int]
    private let folded: [String: Int]

    init(names: [String]) {
        self.names = names
        // The first column wins when a query returns two columns with the same name.
        self.exact = Dictionary(names.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        self.folded = Dictionary(names.enumerated().map { ($1.lowercased(), $0) },
                                 uniquingKeysWith: { first, _ in first })
    }

    /// SQLite column names are case-insensitive, so `"Code"` finds `code` too.
    func index(of name: String) -> Int? {
        exact[name] ?? folded[name.lowercased()]
    }
}

/// One result row: values by position or by column name.
///
/// Typed accessors throw ``RowDecodingError`` when a column is missing, NULL where a value is
/// required, or of another type; the `optional…` variants return `nil` for NULL.
public struct Row: Sendable {
    let columns: RowColumns
    /// The values in column order.
    public let values: [SQLValue]

    init(columns: RowColumns, values: [SQLValue]) {
        self.columns = columns
        self.values = values
    }

    /// The column names in order.
    public var columnNames: [String] { columns.names }

    /// The number of columns.
    public var count: Int { values.count }

    /// The value at a position; traps when out of range, like an array.
    public subscript(index: Int) -> SQLValue { values[index] }

    /// The value of a named column, or `nil` when the row has no such column.
    public subscript(column: String) -> SQLValue? {
        columns.index(of: column).map { values[$0] }
    }

    /// Whether the row has a column of this name.
    public func hasColumn(_ name: String) -> Bool { columns.index(of: name) != nil }

    // MARK: Generic access

    /// The value of a column converted to `T`; throws on a missing column, NULL or a type mismatch.
    public func get<T: SQLValueDecodable>(_ column: String, as type: T.Type = T.self) throws -> T {
        guard let value = try optional(column, as: type) else {
            throw RowDecodingError(column: column, expected: "\(T.self)", found: "NULL")
        }
        return value
    }

    /// The value of a column converted to `T`, or `nil` for NULL; throws on a missing column or a
    /// type mismatch.
    public func optional<T: SQLValueDecodable>(_ column: String, as type: T.Type = T.self) throws -> T? {
        guard let value = self[column] else {
            throw RowDecodingError(column: column, expected: "\(T.self)", found: "no such column")
        }
        if value.isNull { return nil }
        guard let decoded = T.decode(from: value) else {
            throw RowDecodingError(column: column, expected: "\(T.self)", found: value.kindName)
        }
        return decoded
    }

    // MARK: Typed sugar

    public func int(_ column: String) throws -> Int { try get(column) }
    public func int64(_ column: String) throws -> Int64 { try get(column) }
    public func double(_ column: String) throws -> Double { try get(column) }
    public func string(_ column: String) throws -> String { try get(column) }
    public func bool(_ column: String) throws -> Bool { try get(column) }
    public func blob(_ column: String) throws -> [UInt8] { try get(column) }

    public func optionalInt(_ column: String) throws -> Int? { try optional(column) }
    public func optionalInt64(_ column: String) throws -> Int64? { try optional(column) }
    public func optionalDouble(_ column: String) throws -> Double? { try optional(column) }
    public func optionalString(_ column: String) throws -> String? { try optional(column) }
    public func optionalBool(_ column: String) throws -> Bool? { try optional(column) }
    public func optionalBlob(_ column: String) throws -> [UInt8]? { try optional(column) }
}

extension Row: CustomStringConvertible {
    /// Column names and storage classes only: rows may hold personal data.
    public var description: String {
        let parts = zip(columns.names, values).map { "\($0): \($1.kindName)" }
        return "Row(\(parts.joined(separator: ", ")))"
    }
}

/// A row value could not be read as the requested type.
public struct RowDecodingError: Error, Sendable, CustomStringConvertible {
    public let column: String
    public let expected: String
    /// What was found: a storage class, `NULL`, or `no such column` — never the value itself.
    public let found: String

    public var description: String {
        "column \(column): expected \(expected), found \(found)"
    }
}
