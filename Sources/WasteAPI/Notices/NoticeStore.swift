import JSON
import Storage
import WasteDomain

/// Stored notices: drafts keep content computed when they were made; publishing numbers the
/// notice (sequential per year) and freezes the content computed at that moment.
struct NoticeRecord {
    let id: Int64
    let kind: NoticeContent.Kind
    let period: Period
    let status: String
    let number: String?
    let content: NoticeContent
    let createdAt: String
    let updatedAt: String
    let publishedAt: String?
    let version: Int64

    static let columns = "id, kind, period, status, number, content, created_at, updated_at, published_at, version"

    /// A stored notice; one that no longer reads is an error (a 500), never skipped from a list.
    init(row: Row) throws {
        let kind: NoticeContent.Kind = try StoredValues.enumeration(row, "kind")
        guard let period = Period(parsing: try row.string("period")) else { throw StoredValueError(column: "period") }
        guard let content = NoticeContentJSON.decode(try StoredValues.document(row, "content")) else {
            throw StoredValueError(column: "content")
        }
        id = try row.int64("id")
        self.kind = kind
        self.period = period
        status = try row.string("status")
        number = try row.optionalString("number")
        self.content = content
        createdAt = try row.string("created_at")
        updatedAt = try row.string("updated_at")
        publishedAt = try row.optionalString("published_at")
        version = try row.int64("version")
    }

    var isPublished: Bool { status == "published" }

    /// The resource: metadata plus the content.
    var json: JSONValue {
        .object(JSONObject([
            ("id", .number(JSONNumber(id))), ("kind", .string(kind.rawValue)), ("period", .string(period.description)),
            ("status", .string(status)), ("number", number.map(JSONValue.string) ?? .null),
            ("title", .string(content.title)), ("created_at", .string(createdAt)), ("updated_at", .string(updatedAt)),
            ("published_at", publishedAt.map(JSONValue.string) ?? .null), ("version", .number(JSONNumber(version))),
            ("content", NoticeContentJSON.encode(content)),
        ]))
    }

    static func find(_ db: Connection, id: Int64) throws -> NoticeRecord? {
        try db.queryOne("SELECT \(columns) FROM notices WHERE id = ?", [id]).map(NoticeRecord.init)
    }
}
