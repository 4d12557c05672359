import JSON
import Storage
import WasteDomain

/// An institution as stored, and as the API shows it.
struct InstitutionRecord: Sendable {
    let id: Int64
    var fields: InstitutionFields
    let createdAt: String
    var updatedAt: String
    var version: Int64

    static let description = InstitutionFields.description
    static let selectColumns = description.selectList()

    init(id: Int64, fields: InstitutionFields, createdAt: String, updatedAt: String, version: Int64) {
        self.id = id
        self.fields = fields
        self.createdAt = createdAt
        self.updatedAt = updatedAt
        self.version = version
    }

    init(row: Row) throws {
        id = try row.int64("id")
        fields = try Self.description.decode(row)
        createdAt = try row.string("created_at")
        updatedAt = try row.string("updated_at")
        version = try row.int64("version")
    }

    static func find(_ db: Connection, id: Int64) throws -> InstitutionRecord? {
        try db.queryOne("SELECT \(selectColumns) FROM institutions WHERE id = ?", [id]).map(InstitutionRecord.init)
    }

    var etag: String { Conditional.etag(version: version) }

    var json: JSONValue {
        .object(JSONObject([("id", .number(JSONNumber(id)))] + Self.description.jsonPairs(fields) + [
            ("created_at", .string(createdAt)),
            ("updated_at", .string(updatedAt)),
            ("version", .number(JSONNumber(version))),
        ]))
    }
}
