import Storage
import WasteDomain

/// SQL for facility records. Deleting only stamps `deleted_at`: compliance on a past day must
/// still see what existed then, while lists and GETs no longer show the record.
enum FacilityStore<R: FacilityResource> {
    static var selectColumns: String {
        "id, institution_id, \(R.dataColumns.joined(separator: ", ")), created_at, updated_at, version"
    }

    static func find(_ db: Connection, id: Int64) throws -> FacilityRecord<R>? {
        try db.queryOne("SELECT \(selectColumns) FROM \(R.table) WHERE id = ? AND deleted_at IS NULL", [id])
            .map(FacilityRecord<R>.init)
    }

    /// Up to `limit + 1` live records of an institution after `afterID`, for ``Page/split(_:id:)``.
    static func list(_ db: Connection, institutionID: Int64, page: Page) throws -> [FacilityRecord<R>] {
        try db.query("""
            SELECT \(selectColumns) FROM \(R.table)
            WHERE institution_id = ? AND deleted_at IS NULL AND id > ? ORDER BY id LIMIT ?
            """, [institutionID, page.afterID, page.limit + 1]).map(FacilityRecord<R>.init)
    }

    static func insert(_ db: Connection, institutionID: Int64, fields: R.Fields, now: Timestamp) throws -> FacilityRecord<R> {
        let columns = R.dataColumns.joined(separator: ", ")
        let marks = Array(repeating: "?", count: R.dataColumns.count).joined(separator: ", ")
        try db.execute("""
            INSERT INTO \(R.table) (institution_id, \(columns), created_at, updated_at, version)
            VALUES (?, \(marks), ?, ?, 1)
            """, [institutionID] + R.values(fields) + [now.description, now.description])
        guard let record = try find(db, id: db.lastInsertRowID) else { throw FacilityStoreError.vanished }
        return record
    }

    static func update(_ db: Connection, _ record: FacilityRecord<R>, fields: R.Fields, now: Timestamp) throws -> FacilityRecord<R> {
        let assignments = R.dataColumns.map { "\($0) = ?" }.joined(separator: ", ")
        try db.execute("UPDATE \(R.table) SET \(assignments), updated_at = ?, version = version + 1 WHERE id = ?",
                       R.values(fields) + [now.description, record.id])
        guard let updated = try find(db, id: record.id) else { throw FacilityStoreError.vanished }
        return updated
    }

    static func softDelete(_ db: Connection, _ record: FacilityRecord<R>, now: Timestamp) throws {
        try db.execute("UPDATE \(R.table) SET deleted_at = ?, updated_at = ?, version = version + 1 WHERE id = ?",
                       [now.description, now.description, record.id])
    }
}

/// Internal failures (answered 500): a row written in this transaction could not be read
/// back, or a stored standard no longer reads as one.
enum FacilityStoreError: Error {
    case vanished
    case unreadableStandard(version: Int64)
}
