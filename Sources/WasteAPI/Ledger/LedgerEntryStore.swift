import Storage
import WasteDomain

/// The SQL of ledger entries: one statement per operation, prepared once per connection.
enum LedgerEntryStore {
    /// `INSERT … VALUES (…), (…), …` with `rows` row tuples.
    private static func insertSQL(rows: Int) -> String {
        let row = "(?, " + LedgerEntryRecord.writableColumns.map { _ in "?" }.joined(separator: ", ") + ", ?, ?, 1)"
        return "INSERT INTO ledger_entries (institution_id, \(LedgerEntryRecord.writableColumns.joined(separator: ", ")), "
            + "created_at, updated_at, version) VALUES " + Array(repeating: row, count: rows).joined(separator: ", ")
    }

    /// Rows per INSERT statement, largest first. Every execution of an INSERT rebuilds the
    /// lookup tables of the table's three `IN (…)` CHECK constraints and reads the AUTOINCREMENT
    /// counter: a statement of 64 rows pays for that once instead of 64 times. A few fixed sizes
    /// keep the statement cache small (500 entries: 7 × 64 + 3 × 16 + 1 × 4).
    private static let chunkSizes = [64, 16, 4, 1]
    private static let insertSQLBySize = Dictionary(uniqueKeysWithValues: chunkSizes.map { ($0, insertSQL(rows: $0)) })

    private static let updateSQL = """
        UPDATE ledger_entries SET \(LedgerEntryRecord.writableColumns.map { "\($0) = ?" }.joined(separator: ", ")), \
        updated_at = ?, version = version + 1 WHERE id = ?
        """

    /// Inserts entries stamped `stamp` (the request's `now`, formatted once per request), in
    /// order, and returns them as stored.
    ///
    /// Binds each column in place rather than through an array of existentials: a batch runs
    /// this inside the single writer's transaction, where every microsecond holds up every other
    /// writer.
    static func insert(_ db: Connection, institutionID: Int64, _ entries: [LedgerEntryFields],
                       stamp: String) throws -> [LedgerEntryRecord] {
        var records: [LedgerEntryRecord] = []
        records.reserveCapacity(entries.count)
        var start = 0
        while start < entries.count {
            let remaining = entries.count - start
            let size = chunkSizes.first { $0 <= remaining } ?? 1
            let chunk = entries[start..<(start + size)]
            let lastID = try insertChunk(db, institutionID: institutionID, chunk, size: size, stamp: stamp)
            // AUTOINCREMENT gives each row of one statement the next id after the largest ever
            // used, in VALUES order, so the chunk's ids are the `size` ids ending at the last one.
            for (offset, fields) in chunk.enumerated() {
                records.append(LedgerEntryRecord(id: lastID - Int64(size - 1 - offset), institutionID: institutionID,
                                                 fields: fields, createdAt: stamp, updatedAt: stamp, version: 1))
            }
            start += size
        }
        return records
    }

    /// Runs the `size`-row INSERT for `chunk`; returns the id of its last row.
    private static func insertChunk(_ db: Connection, institutionID: Int64, _ chunk: ArraySlice<LedgerEntryFields>,
                                    size: Int, stamp: String) throws -> Int64 {
        let statement = try db.cachedStatement(insertSQLBySize[size] ?? insertSQL(rows: size))
        defer { statement.reset() }
        var index = 1
        for fields in chunk {
            try statement.bind(.integer(institutionID), at: index)
            index = try fields.bind(to: statement, from: index + 1)
            try statement.bind(.text(stamp), at: index)
            try statement.bind(.text(stamp), at: index + 1)
            index += 2
        }
        try statement.step()
        guard db.changes == size else {
            throw DatabaseError(code: 21, message: "ledger insert stored \(db.changes) rows of \(size)")  // SQLITE_MISUSE
        }
        return db.lastInsertRowID
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
