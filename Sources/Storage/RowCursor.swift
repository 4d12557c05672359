import CSQLite

/// The current row of a statement being stepped, read by column position without building a
/// ``Row``: for queries that scan thousands of rows, where a `[SQLValue]` per row and a name
/// lookup per column cost more than SQLite itself.
///
/// Only valid inside the closure given to ``Connection/forEachRow(_:_:_:)``; never keep it.
/// Typed accessors throw ``RowDecodingError`` on NULL or another storage class, like `Row`'s.
public struct RowCursor: ~Copyable {
    private let handle: OpaquePointer

    init(handle: OpaquePointer) {
        self.handle = handle
    }

    /// Whether column `index` is NULL.
    public func isNull(_ index: Int) -> Bool {
        sqlite3_column_type(handle, Int32(index)) == SQLITE_NULL
    }

    public func int64(_ index: Int) throws -> Int64 {
        try expect(index, SQLITE_INTEGER, "Int64")
        return sqlite3_column_int64(handle, Int32(index))
    }

    public func int(_ index: Int) throws -> Int { Int(try int64(index)) }

    public func bool(_ index: Int) throws -> Bool { try int64(index) != 0 }

    public func optionalInt64(_ index: Int) throws -> Int64? {
        isNull(index) ? nil : try int64(index)
    }

    public func optionalInt(_ index: Int) throws -> Int? {
        isNull(index) ? nil : try int(index)
    }

    public func string(_ index: Int) throws -> String {
        try withUTF8(index) { String(decoding: $0, as: UTF8.self) }
    }

    public func optionalString(_ index: Int) throws -> String? {
        isNull(index) ? nil : try string(index)
    }

    /// Calls `body` with the UTF-8 bytes of a text column, valid only during the call: parsing
    /// a date or a code from them allocates nothing.
    public func withUTF8<Result>(_ index: Int, _ body: (UnsafeBufferPointer<UInt8>) throws -> Result) throws -> Result {
        try expect(index, SQLITE_TEXT, "String")
        let position = Int32(index)
        // Ask for the pointer before the length, as SQLite's documentation requires.
        let text = sqlite3_column_text(handle, position)
        let length = Int(sqlite3_column_bytes(handle, position))
        return try body(UnsafeBufferPointer(start: text, count: text == nil ? 0 : length))
    }

    private func expect(_ index: Int, _ type: Int32, _ expected: String) throws {
        let found = sqlite3_column_type(handle, Int32(index))
        guard found == type else {
            // Only the storage class, never the value: rows may hold personal data.
            let kind: SQLValue = switch found {
            case SQLITE_INTEGER: .integer(0)
            case SQLITE_FLOAT: .real(0)
            case SQLITE_TEXT: .text("")
            case SQLITE_BLOB: .blob([])
            default: .null
            }
            throw RowDecodingError(column: String(index), expected: expected, found: kind.kindName)
        }
    }
}

extension Statement {
    /// Binds `arguments`, calls `body` with a cursor on each row in turn, and resets.
    public func forEachRow(_ arguments: [any SQLValueConvertible] = [], _ body: (borrowing RowCursor) throws -> Void) throws {
        defer { reset() }
        try bind(arguments)
        let cursor = RowCursor(handle: handle)
        while try step() { try body(cursor) }
    }
}

extension Connection {
    /// Runs one query and calls `body` with a positional cursor on each row: the way to read
    /// large result sets (see ``RowCursor``).
    public func forEachRow(_ sql: String, _ arguments: [any SQLValueConvertible] = [],
                           _ body: (borrowing RowCursor) throws -> Void) throws {
        try cachedStatement(sql).forEachRow(arguments, body)
    }
}
