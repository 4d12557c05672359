import Foundation
import CSQLite

/// A failure reported by SQLite, or a misuse detected before calling it.
///
/// The description shows the codes, SQLite's message and the SQL text, but never the bound
/// arguments: errors are logged, and arguments may hold personal data or secrets.
public struct DatabaseError: Error, Sendable, CustomStringConvertible {
    /// The primary result code (`SQLITE_CONSTRAINT`, `SQLITE_BUSY`, …).
    public var resultCode: Int32 { extendedCode & 0xFF }
    /// The extended result code (`SQLITE_CONSTRAINT_UNIQUE`, …).
    public let extendedCode: Int32
    /// SQLite's message, or ours for misuse.
    public let message: String
    /// The statement that failed, when there is one.
    public let sql: String?

    public init(code: Int32, message: String, sql: String? = nil) {
        self.extendedCode = code
        self.message = message
        self.sql = sql
    }

    /// Reads the last error of a connection handle.
    init(connection db: OpaquePointer?, code: Int32, sql: String? = nil) {
        let extended = db.map { sqlite3_extended_errcode($0) } ?? code
        // The connection's error can be stale when `code` came from elsewhere (backup, close).
        let useConnection = extended & 0xFF == code & 0xFF
        let text = useConnection ? db.flatMap { sqlite3_errmsg($0) } : sqlite3_errstr(code)
        self.init(code: useConnection ? extended : code,
                  message: text.map { String(cString: $0) } ?? "unknown error",
                  sql: sql)
    }

    static func misuse(_ message: String, sql: String? = nil) -> DatabaseError {
        DatabaseError(code: SQLITE_MISUSE, message: message, sql: sql)
    }

    public var description: String {
        var text = "SQLite error \(resultCode)"
        if extendedCode != resultCode { text += " (extended \(extendedCode))" }
        text += ": \(message)"
        if let sql { text += " — while executing `\(sql)`" }
        return text
    }
}

// MARK: - Classification

extension DatabaseError {
    // Extended codes are C macros built with `|` and `<<`, which Swift does not import.
    static let constraintUnique: Int32 = 2067      // SQLITE_CONSTRAINT | (8 << 8)
    static let constraintPrimaryKey: Int32 = 1555  // SQLITE_CONSTRAINT | (6 << 8)
    static let constraintForeignKey: Int32 = 787   // SQLITE_CONSTRAINT | (3 << 8)
    static let constraintNotNull: Int32 = 1299     // SQLITE_CONSTRAINT | (5 << 8)
    static let constraintCheck: Int32 = 275        // SQLITE_CONSTRAINT | (1 << 8)

    /// Any constraint violation (unique, foreign key, not null, check).
    public var isConstraintViolation: Bool { resultCode == SQLITE_CONSTRAINT }

    /// A UNIQUE or PRIMARY KEY constraint failed: the API answers 409 naming `uniqueColumns`.
    public var isUniqueConstraint: Bool {
        extendedCode == Self.constraintUnique || extendedCode == Self.constraintPrimaryKey
    }

    /// A FOREIGN KEY constraint failed.
    public var isForeignKeyConstraint: Bool { extendedCode == Self.constraintForeignKey }

    /// A NOT NULL constraint failed.
    public var isNotNullConstraint: Bool { extendedCode == Self.constraintNotNull }

    /// A CHECK constraint failed.
    public var isCheckConstraint: Bool { extendedCode == Self.constraintCheck }

    /// The database was locked beyond the busy timeout.
    public var isBusy: Bool { resultCode == SQLITE_BUSY || resultCode == SQLITE_LOCKED }

    /// The columns named by a unique violation:
    /// `"UNIQUE constraint failed: institutions.code"` → `["code"]`. Empty for other errors.
    public var uniqueColumns: [String] {
        constrainedColumns.map(\.column)
    }

    /// The table named by a unique violation, when SQLite names one.
    public var uniqueTable: String? {
        constrainedColumns.first?.table
    }

    private var constrainedColumns: [(table: String?, column: String)] {
        guard isUniqueConstraint else { return [] }
        let marker = "constraint failed: "
        guard let range = message.range(of: marker) else { return [] }
        return message[range.upperBound...]
            .split(separator: ",")
            .map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }
            .map { qualified in
                guard let dot = qualified.lastIndex(of: ".") else { return (nil, qualified) }
                return (String(qualified[..<dot]), String(qualified[qualified.index(after: dot)...]))
            }
    }
}
