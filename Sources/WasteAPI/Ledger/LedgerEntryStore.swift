import Storage
import WasteDomain

/// The SQL of ledger entries: one statement per operation, prepared once per connection.
enum LedgerEntryStore {
    private static let insertSQL = """
        INSERT INTO ledger_entries (institution_id, \(LedgerEntryRecord.writableColumns.joined(separator: ", ")), \
        created_at, updated_at, version) VALUES (?, \(LedgerEntryRecord.writableColumns.map { _ in "?" }.joined(separator: ", ")), ?, ?, 1)
        """

    private static let updateSQL = """
        UPDATE ledger_entries SET \(LedgerEntryRecord.writableColumns.map { "\($0) = ?" }.joined(separator: ", ")), \
        updated_at = ?, version = version + 1 WHERE id = ?
        """

    /// Inserts one entry stamped `stamp` (the request's `now`, formatted once per request).
    ///
    /// Binds each column in place rather than through an array of existentials: a batch runs
    /// this a thousand times inside the writer's transaction, where every microsecond holds up
    /// every other writer.
    static func insert(_ db: Connection, institutionID: Int64, _ fields: LedgerEntryFields, stamp: String) throws -> LedgerEntryRecord {
        let statement = try db.cachedStatement(insertSQL)
        defer { statement.reset() }
        try statement.bind(.integer(institutionID), at: 1)
        let next = try fields.bind(to: statement, from: 2)
        try statement.bind(.text(stamp), at: next)
        try statement.bind(.text(stamp), at: next + 1)
        try statement.step()
        return LedgerEntryRecord(id: db.lastInsertRowID, institutionID: institutionID, fields: fields,
                                 createdAt: stamp, updatedAt: stamp, version: 1)
    }

    static func update(_ db: Connection, _ current: LedgerEntryRecord, to fields: LedgerEntryFields, now: Timestamp) throws -> LedgerEntryRecord {
        try db.execute(updateSQL, fields.sqlArguments + [now.description, current.id])
        return LedgerEntryRecord(id: current.id, institutionID: current.institutionID, fields: fields,
                                 createdAt: current.createdAt, updatedAt: now.description, version: current.version + 1)
    }

    static func delete(_ db: Connection, id: Int64) throws {
        try db.execute("DELETE FROM ledger_entries WHERE id = ?", [id])
    }
}
