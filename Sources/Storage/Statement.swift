import CSQLite

/// A prepared statement. Owns its `sqlite3_stmt` and finalizes it on deinit.
///
/// Deliberately not `Sendable`: it belongs to its connection, which one thread uses at a time.
public final class Statement {
    let handle: OpaquePointer
    /// The SQL text as prepared.
    public let sql: String
    /// The number of `?` parameters.
    public let parameterCount: Int
    private var cachedColumns: RowColumns?
    private var preparedGeneration: Int32 = 0

    /// Result column names, rebuilt when SQLite has re-prepared the statement after a schema
    /// change (`SELECT *` gains a column after `ALTER TABLE … ADD COLUMN`).
    private var columns: RowColumns {
        let generation = sqlite3_stmt_status(handle, SQLITE_STMTSTATUS_REPREPARE, 0)
        if let cachedColumns, generation == preparedGeneration { return cachedColumns }
        let columns = RowColumns(names: (0..<sqlite3_column_count(handle)).map { index in
            sqlite3_column_name(handle, index).map { String(cString: $0) } ?? ""
        })
        cachedColumns = columns
        preparedGeneration = generation
        return columns
    }

    /// Prepares the first statement of `sql`; throws when it is empty or does not compile.
    init(connection db: OpaquePointer, sql: String) throws {
        var statement: OpaquePointer?
        var remainder = ""
        let code = sql.withCString { text in
            var tail: UnsafePointer<CChar>?
            let code = sqlite3_prepare_v2(db, text, -1, &statement, &tail)
            if let tail { remainder = String(cString: tail) }
            return code
        }
        guard code == SQLITE_OK else {
            sqlite3_finalize(statement)
            throw DatabaseError(connection: db, code: code, sql: sql)
        }
        guard let statement else {
            throw DatabaseError.misuse("no statement in SQL text", sql: sql)
        }
        // Silently dropping the rest of a script would hide bugs: scripts go through executeScript.
        guard remainder.allSatisfy({ $0.isWhitespace || $0 == ";" }) else {
            sqlite3_finalize(statement)
            throw DatabaseError.misuse("more than one statement: use executeScript", sql: sql)
        }
        self.handle = statement
        self.sql = sql
        self.parameterCount = Int(sqlite3_bind_parameter_count(statement))
    }

    deinit {
        sqlite3_finalize(handle)
    }

    private var db: OpaquePointer? { sqlite3_db_handle(handle) }

    /// The result column names.
    public var columnNames: [String] { columns.names }

    // MARK: Binding

    /// Binds every parameter, after checking that the count matches.
    public func bind(_ arguments: [any SQLValueConvertible]) throws {
        guard arguments.count == parameterCount else {
            throw DatabaseError(
                code: SQLITE_RANGE,
                message: "wrong number of arguments: the statement expects \(parameterCount), got \(arguments.count)",
                sql: sql)
        }
        sqlite3_clear_bindings(handle)
        for (offset, argument) in arguments.enumerated() {
            try bind(argument.sqlValue, at: offset + 1)
        }
    }

    /// Binds one value to the 1-based parameter `index`.
    public func bind(_ value: SQLValue, at index: Int) throws {
        let position = Int32(index)
        let code: Int32
        switch value {
        case .null:
            code = sqlite3_bind_null(handle, position)
        case .integer(let i):
            code = sqlite3_bind_int64(handle, position, i)
        case .real(let d):
            code = sqlite3_bind_double(handle, position, d)
        case .text(let s):
            code = bindText(s, at: position)
        case .blob(let bytes):
            code = bindBlob(bytes, at: position)
        }
        guard code == SQLITE_OK else { throw DatabaseError(connection: db, code: code, sql: sql) }
    }

    /// Binds by byte count, not C string, so text containing NUL survives intact.
    private func bindText(_ text: String, at position: Int32) -> Int32 {
        var text = text
        return text.withUTF8 { utf8 in
            // A NULL pointer would bind SQL NULL; an empty string must stay an empty string.
            guard let base = utf8.baseAddress, utf8.count > 0 else {
                return csqlite_bind_text(handle, position, "", 0)
            }
            return base.withMemoryRebound(to: CChar.self, capacity: utf8.count) {
                csqlite_bind_text(handle, position, $0, Int32(utf8.count))
            }
        }
    }

    private func bindBlob(_ bytes: [UInt8], at position: Int32) -> Int32 {
        // As with text, a NULL pointer would bind NULL: an empty blob is a zero-length blob.
        guard !bytes.isEmpty else { return sqlite3_bind_zeroblob(handle, position, 0) }
        return bytes.withUnsafeBytes {
            csqlite_bind_blob(handle, position, $0.baseAddress, Int32($0.count))
        }
    }

    // MARK: Stepping

    /// Advances to the next row: `true` when a row is available, `false` when done.
    @discardableResult
    public func step() throws -> Bool {
        let code = sqlite3_step(handle)
        switch code {
        case SQLITE_ROW: return true
        case SQLITE_DONE: return false
        default: throw DatabaseError(connection: db, code: code, sql: sql)
        }
    }

    /// Rewinds the statement and clears its bindings, ready for reuse.
    public func reset() {
        // The error of a failed step is reported by step itself; reset repeats it, so ignore it.
        sqlite3_reset(handle)
        sqlite3_clear_bindings(handle)
    }

    // MARK: Reading

    /// The value of column `index` (0-based) of the current row.
    public func column(_ index: Int) -> SQLValue {
        let position = Int32(index)
        switch sqlite3_column_type(handle, position) {
        case SQLITE_INTEGER:
            return .integer(sqlite3_column_int64(handle, position))
        case SQLITE_FLOAT:
            return .real(sqlite3_column_double(handle, position))
        case SQLITE_TEXT:
            // Ask for the pointer before the length, as SQLite's documentation requires.
            let text = sqlite3_column_text(handle, position)
            let length = Int(sqlite3_column_bytes(handle, position))
            guard let text else { return .text("") }
            return .text(String(decoding: UnsafeBufferPointer(start: text, count: length), as: UTF8.self))
        case SQLITE_BLOB:
            let bytes = sqlite3_column_blob(handle, position)
            let length = Int(sqlite3_column_bytes(handle, position))
            guard let bytes, length > 0 else { return .blob([]) }
            return .blob([UInt8](UnsafeRawBufferPointer(start: bytes, count: length)))
        default:
            return .null
        }
    }

    /// The current row.
    public func row() -> Row {
        let columns = self.columns
        return Row(columns: columns, values: (0..<columns.names.count).map(column))
    }

    /// Binds `arguments`, steps to completion, collects every row and resets.
    public func rows(_ arguments: [any SQLValueConvertible] = []) throws -> [Row] {
        defer { reset() }
        try bind(arguments)
        var rows: [Row] = []
        while try step() { rows.append(row()) }
        return rows
    }

    /// Binds `arguments`, steps to completion ignoring rows, and resets.
    public func run(_ arguments: [any SQLValueConvertible] = []) throws {
        defer { reset() }
        try bind(arguments)
        while try step() {}
    }
}
