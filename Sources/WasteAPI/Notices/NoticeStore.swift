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
    /// The published notice this one replaces once published (a draft names it).
    let supersedes: Int64?
    let supersededBy: Int64?
    let withdrawnAt: String?
    let withdrawalReason: String?

    static let columns = """
        id, kind, period, status, number, content, created_at, updated_at, published_at, version,
        supersedes, superseded_by, withdrawn_at, withdrawal_reason
        """

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
        supersedes = try row.optionalInt64("supersedes")
        supersededBy = try row.optionalInt64("superseded_by")
        withdrawnAt = try row.optionalString("withdrawn_at")
        withdrawalReason = try row.optionalString("withdrawal_reason")
    }

    var isPublished: Bool { status == "published" }
    var isWithdrawn: Bool { withdrawnAt != nil }
    /// Published, neither withdrawn nor superseded: the notice that stands for its (period, kind).
    var isStanding: Bool { isPublished && !isWithdrawn && supersededBy == nil }

    /// `draft`, `published`, `superseded` or `withdrawn` (docs/DECISIONS.md, "The notice's life cycle").
    var lifecycleStatus: String {
        if isWithdrawn { return "withdrawn" }
        if supersededBy != nil { return "superseded" }
        return status
    }

    /// The resource: metadata plus the content.
    var json: JSONValue {
        .object(JSONObject([
            ("id", .number(JSONNumber(id))), ("kind", .string(kind.rawValue)), ("period", .string(period.description)),
            ("status", .string(lifecycleStatus)), ("number", number.map(JSONValue.string) ?? .null),
            ("title", .string(content.title)), ("created_at", .string(createdAt)), ("updated_at", .string(updatedAt)),
            ("published_at", publishedAt.map(JSONValue.string) ?? .null), ("version", .number(JSONNumber(version))),
            ("supersedes", supersedes.map { .number(JSONNumber($0)) } ?? .null),
            ("superseded_by", supersededBy.map { .number(JSONNumber($0)) } ?? .null),
            ("withdrawn_at", withdrawnAt.map(JSONValue.string) ?? .null),
            ("withdrawal_reason", withdrawalReason.map(JSONValue.string) ?? .null),
            ("content", NoticeContentJSON.encode(content)),
        ]))
    }

    static func find(_ db: Connection, id: Int64) throws -> NoticeRecord? {
        try db.queryOne("SELECT \(columns) FROM notices WHERE id = ?", [id]).map(NoticeRecord.init)
    }

    /// The standing published notice of a (period, kind), if any.
    static func standing(_ db: Connection, kind: NoticeContent.Kind, period: Period) throws -> NoticeRecord? {
        try db.queryOne("""
            SELECT \(columns) FROM notices WHERE period = ? AND kind = ? AND status = 'published'
              AND withdrawn_at IS NULL AND superseded_by IS NULL ORDER BY id LIMIT 1
            """, [period.description, kind.rawValue]).flatMap(NoticeRecord.init)
    }
}
