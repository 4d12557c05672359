import JSON
import Routing
import Storage
import WasteDomain

/// The SQL of an institution-scoped resource. Every call runs in the caller's transaction.
///
/// DELETE removes the row for real: these records carry no history of their own, and the
/// audit log keeps the deleted row as the event's `before`.
enum ScopedStore<R: ScopedResource> {
    /// One stored row: the common columns and the resource's own fields.
    struct Record {
        let id: Int64
        let institutionID: Int64
        let fields: R
        let createdAt: String
        let updatedAt: String
        let version: Int64

        var etag: String { Conditional.etag(version: version) }
        var location: String { "/v1/\(R.kind.table)/\(id)" }

        /// `{id, institution_id, <input>, <computed>, created_at, updated_at, version}`.
        func json(_ environment: ScopedEnvironment) -> JSONValue {
            .object(JSONObject([("id", .number(JSONNumber(id))), ("institution_id", .number(JSONNumber(institutionID)))]
                + fields.input + fields.computed(environment)
                + [("created_at", .string(createdAt)), ("updated_at", .string(updatedAt)),
                   ("version", .number(JSONNumber(version)))]))
        }
    }

    private static var selectList: String {
        (["id", "institution_id", "created_at", "updated_at", "version"] + R.columns).joined(separator: ", ")
    }

    private static func record(_ row: Row) throws -> Record {
        Record(id: try row.int64("id"), institutionID: try row.int64("institution_id"), fields: try R(row: row),
               createdAt: try row.string("created_at"), updatedAt: try row.string("updated_at"),
               version: try row.int64("version"))
    }

    static func find(_ db: Connection, id: Int64) throws -> Record? {
        try db.queryOne("SELECT \(selectList) FROM \(R.kind.table) WHERE id = ?", [id]).map(record)
    }

    /// Up to `page.limit + 1` rows matching `condition` after the page's cursor, by id.
    static func list(_ db: Connection, where condition: ScopedCondition, page: Page) throws -> [Record] {
        try db.query("""
            SELECT \(selectList) FROM \(R.kind.table) WHERE \(condition.sql) AND id > ? ORDER BY id LIMIT ?
            """, condition.arguments + [page.afterID, page.limit + 1]).map(record)
    }

    static func insert(_ db: Connection, institutionID: Int64, fields: R, now: Timestamp) throws -> Record {
        let columns = ["institution_id"] + R.columns + ["created_at", "updated_at", "version"]
        let placeholders = Array(repeating: "?", count: columns.count).joined(separator: ", ")
        try db.execute("INSERT INTO \(R.kind.table) (\(columns.joined(separator: ", "))) VALUES (\(placeholders))",
                       [institutionID] + fields.sqlValues + [now.description, now.description, Int64(1)])
        return Record(id: db.lastInsertRowID, institutionID: institutionID, fields: fields,
                      createdAt: now.description, updatedAt: now.description, version: 1)
    }

    static func update(_ db: Connection, _ current: Record, to fields: R, now: Timestamp) throws -> Record {
        let assignments = R.columns.map { "\($0) = ?" }.joined(separator: ", ")
        try db.execute("UPDATE \(R.kind.table) SET \(assignments), updated_at = ?, version = version + 1 WHERE id = ?",
                       fields.sqlValues + [now.description, current.id])
        return Record(id: current.id, institutionID: current.institutionID, fields: fields,
                      createdAt: current.createdAt, updatedAt: now.description, version: current.version + 1)
    }

    static func delete(_ db: Connection, id: Int64) throws {
        try db.execute("DELETE FROM \(R.kind.table) WHERE id = ?", [id])
    }

    /// 404 for an institution that does not exist; when `adding`, a 409 for an archived one
    /// (its records stay readable and editable, but it takes no new ones).
    static func requireInstitution(_ db: Connection, _ id: Int64, adding: Bool) throws {
        guard let status = try db.scalar("SELECT status FROM institutions WHERE id = ?", [id], as: String.self) else {
            throw HTTPError.notFound()
        }
        if adding && status == "archived" {
            throw HTTPError.conflict("institution \(id) is archived and takes no new \(R.kind.plural)")
        }
    }
}
