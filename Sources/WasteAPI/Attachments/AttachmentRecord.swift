import JSON
import Storage

/// One stored attachment row, and its JSON form (`Attachment` in /openapi.json).
struct AttachmentRecord: Sendable {
    let id: Int64
    let ownerType: String
    let ownerID: Int64
    let institutionID: Int64
    let stage: String?
    let kind: String?
    let sha256: String
    let size: Int64
    let mediaType: String
    let filename: String
    let takenAt: String?
    let latitude: Double?
    let longitude: Double?
    /// JSON text of the warnings array.
    let warnings: String
    let uploadedBy: Int64
    let uploadedAt: String

    static let columns = """
        id, owner_type, owner_id, institution_id, stage, kind, sha256, size, media_type, filename, taken_at,
        latitude, longitude, warnings, uploaded_by, uploaded_at
        """

    init(_ row: Row) throws {
        id = try row.int64("id")
        ownerType = try row.string("owner_type")
        ownerID = try row.int64("owner_id")
        institutionID = try row.int64("institution_id")
        stage = try row.optionalString("stage")
        kind = try row.optionalString("kind")
        sha256 = try row.string("sha256")
        size = try row.int64("size")
        mediaType = try row.string("media_type")
        filename = try row.string("filename")
        takenAt = try row.optionalString("taken_at")
        latitude = try row.optionalDouble("latitude")
        longitude = try row.optionalDouble("longitude")
        warnings = try row.string("warnings")
        uploadedBy = try row.int64("uploaded_by")
        uploadedAt = try row.string("uploaded_at")
    }

    static func find(_ db: Connection, id: Int64) throws -> AttachmentRecord? {
        try db.queryOne("SELECT \(columns) FROM attachments WHERE id = ?", [id]).map(AttachmentRecord.init)
    }

    static func list(_ db: Connection, owner: AttachmentOwner) throws -> [AttachmentRecord] {
        try db.query("SELECT \(columns) FROM attachments WHERE owner_type = ? AND owner_id = ? ORDER BY id",
                     [owner.type.rawValue, owner.id]).map(AttachmentRecord.init)
    }

    var ownerKind: AttachmentOwnerType? { AttachmentOwnerType(rawValue: ownerType) }

    /// The strong entity tag of the bytes: their SHA-256.
    var etag: String { "\"\(sha256)\"" }

    var json: JSONValue {
        var members: [(String, JSONValue)] = [
            ("id", .number(JSONNumber(id))),
            ("owner_type", .string(ownerType)),
            ("owner_id", .number(JSONNumber(ownerID))),
            ("institution_id", .number(JSONNumber(institutionID))),
        ]
        if ownerType == "finding" { members.append(("stage", stage.map(JSONValue.string) ?? .null)) }
        if ownerType == "institution" { members.append(("kind", kind.map(JSONValue.string) ?? .null)) }
        members += [
            ("filename", .string(filename)),
            ("media_type", .string(mediaType)),
            ("size", .number(JSONNumber(size))),
            ("sha256", .string(sha256)),
            ("taken_at", takenAt.map(JSONValue.string) ?? .null),
            ("latitude", latitude.flatMap { JSONNumber($0) }.map(JSONValue.number) ?? .null),
            ("longitude", longitude.flatMap { JSONNumber($0) }.map(JSONValue.number) ?? .null),
            ("warnings", (try? JSONValue.parse(Array(warnings.utf8))) ?? .array([])),
            ("uploaded_by", .number(JSONNumber(uploadedBy))),
            ("uploaded_at", .string(uploadedAt)),
            ("url", .string("/v1/attachments/\(id)")),
        ]
        return .object(JSONObject(members))
    }
}
