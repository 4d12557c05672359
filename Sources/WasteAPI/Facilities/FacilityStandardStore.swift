import JSON
import Storage
import WasteDomain

/// Versions of the facility standard. Every version is kept; a day is judged by the latest
/// version created by its end, so a past period's compliance does not change when the office
/// tightens the standard later.
enum FacilityStandardStore {
    struct Stored: Sendable {
        var standard: FacilityStandard
        var createdAt: String
        var createdBy: Int64?

        var etag: String { Conditional.etag(version: standard.version) }
    }

    /// The standard that applies now (and to new evaluations).
    static func latest(_ db: Connection) throws -> Stored {
        try decode(db.queryOne("SELECT version, document, created_at, created_by FROM facility_standards ORDER BY version DESC LIMIT 1"))
    }

    /// The standard in force at the end of `date`: the latest created by then, else the first.
    static func inForce(_ db: Connection, on date: CalendarDate, utcOffsetMinutes: Int) throws -> Stored {
        let end = DistrictDay.end(of: date, utcOffsetMinutes: utcOffsetMinutes)
        let row = try db.queryOne("""
            SELECT version, document, created_at, created_by FROM facility_standards
            WHERE created_at < ? ORDER BY version DESC LIMIT 1
            """, [end]) ?? db.queryOne("SELECT version, document, created_at, created_by FROM facility_standards ORDER BY version LIMIT 1")
        return try decode(row)
    }

    static func version(_ db: Connection, _ version: Int64) throws -> Stored? {
        guard let row = try db.queryOne("SELECT version, document, created_at, created_by FROM facility_standards WHERE version = ?",
                                        [version]) else { return nil }
        return try decode(row)
    }

    /// Stores `standard` as the next version.
    static func save(_ db: Connection, _ standard: FacilityStandard, now: Timestamp, userID: Int64?) throws -> Stored {
        let next = (try db.scalar("SELECT MAX(version) FROM facility_standards", as: Int64.self) ?? 0) + 1
        var stored = standard
        stored.version = next
        try db.execute("INSERT INTO facility_standards (version, document, created_at, created_by) VALUES (?, ?, ?, ?)",
                       [next, document(stored).serializedString(), now.description, userID])
        return Stored(standard: stored, createdAt: now.description, createdBy: userID)
    }

    static func document(_ standard: FacilityStandard) -> JSONValue {
        .object(JSONObject([("rules", standard.rulesJSON)]))
    }

    /// A missing table row means the shipped default (the migration stores it as version 1).
    private static func decode(_ row: Row?) throws -> Stored {
        guard let row else { return Stored(standard: FacilityStandard(), createdAt: "1970-01-01T00:00:00Z", createdBy: nil) }
        let version = try row.int64("version")
        let text = try row.string("document")
        var reader = JSONFieldReader(body: (try? JSONValue.parse(text)) ?? .null, allowedKeys: ["rules"])  // an unreadable one throws below
        guard let standard = FacilityStandard.read(&reader, version: version), reader.isValid else {
            throw StoredValueError(column: "facility_standards.document (version \(version))")
        }
        return Stored(standard: standard, createdAt: try row.string("created_at"), createdBy: try row.optionalInt64("created_by"))
    }
}
