import JSON
import Storage
import WasteDomain

/// A user as stored, and as the API shows it (never the password hash).
struct UserRecord: Sendable {
    let id: Int64
    let username: String
    let displayName: String
    let role: Role
    let institutionID: Int64?
    let active: Bool
    let createdAt: String
    let updatedAt: String
    let version: Int64

    static let columns = "id, username, display_name, role, institution_id, active, created_at, updated_at, version"

    init(row: Row) throws {
        id = try row.int64("id")
        username = try row.string("username")
        displayName = try row.string("display_name")
        role = try StoredValues.enumeration(row, "role")
        institutionID = try row.optionalInt64("institution_id")
        active = try row.bool("active")
        createdAt = try row.string("created_at")
        updatedAt = try row.string("updated_at")
        version = try row.int64("version")
    }

    static func find(_ db: Connection, id: Int64) throws -> UserRecord? {
        try db.queryOne("SELECT \(columns) FROM users WHERE id = ?", [id]).map(UserRecord.init)
    }

    var json: JSONValue {
        .object(JSONObject([
            ("id", .number(JSONNumber(id))),
            ("username", .string(username)),
            ("display_name", .string(displayName)),
            ("role", .string(role.rawValue)),
            ("institution_id", institutionID.map { .number(JSONNumber($0)) } ?? .null),
            ("active", .bool(active)),
            ("created_at", .string(createdAt)),
            ("updated_at", .string(updatedAt)),
            ("version", .number(JSONNumber(version))),
        ]))
    }
}
