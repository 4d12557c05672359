import JSON
import Storage
import WasteDomain

/// A stored finding (整改通知) with the titles of its rubric item and the names of the people
/// who acted on it; `deadline` is worked out for the day the record is shown.
struct FindingRecord: Sendable {
    let id: Int64
    let inspectionID: Int64
    let institutionID: Int64
    let itemCode: String
    let itemTitleZh: String?
    let itemTitleEn: String?
    let description: String
    let severity: FindingSeverity
    let rectifyBy: CalendarDate
    let status: FindingStatus
    let rectifiedAt: String?
    let rectifiedOn: CalendarDate?
    let rectifiedBy: UserRef?
    let rectificationNote: String?
    let verifiedAt: String?
    let verifiedBy: UserRef?
    let reopenedAt: String?
    let reopenReason: String?
    let createdAt: String
    let updatedAt: String
    let version: Int64

    /// A user named on a record.
    struct UserRef: Sendable {
        let id: Int64
        let username: String

        var json: JSONValue {
            .object(JSONObject([("id", .number(JSONNumber(id))), ("username", .string(username))]))
        }
    }

    /// The SELECT every finding query starts from; callers add WHERE and ORDER BY.
    static let select = """
        SELECT f.*, ri.title_zh AS item_title_zh, ri.title_en AS item_title_en,
               ru.username AS rectified_by_username, vu.username AS verified_by_username
        FROM findings f
        JOIN inspections i ON i.id = f.inspection_id
        LEFT JOIN rubric_items ri ON ri.rubric_id = i.rubric_id AND ri.code = f.item_code
        LEFT JOIN users ru ON ru.id = f.rectified_by
        LEFT JOIN users vu ON vu.id = f.verified_by
        """

    var etag: String { Conditional.etag(version: version) }

    init(row: Row) throws {
        id = try row.int64("id")
        inspectionID = try row.int64("inspection_id")
        institutionID = try row.int64("institution_id")
        itemCode = try row.string("item_code")
        itemTitleZh = try row.optionalString("item_title_zh")
        itemTitleEn = try row.optionalString("item_title_en")
        description = try row.string("description")
        severity = try StoredValues.enumeration(row, "severity")
        rectifyBy = try StoredValues.date(row, "rectify_by")
        status = try StoredValues.enumeration(row, "status")
        rectifiedAt = try row.optionalString("rectified_at")
        rectifiedOn = try row.optionalString("rectified_on").flatMap { CalendarDate(parsing: $0) }
        rectifiedBy = try Self.user(row, "rectified_by")
        rectificationNote = try row.optionalString("rectification_note")
        verifiedAt = try row.optionalString("verified_at")
        verifiedBy = try Self.user(row, "verified_by")
        reopenedAt = try row.optionalString("reopened_at")
        reopenReason = try row.optionalString("reopen_reason")
        createdAt = try row.string("created_at")
        updatedAt = try row.string("updated_at")
        version = try row.int64("version")
    }

    private static func user(_ row: Row, _ column: String) throws -> UserRef? {
        guard let id = try row.optionalInt64(column) else { return nil }
        return UserRef(id: id, username: try row.optionalString("\(column)_username") ?? "")
    }

    static func find(_ db: Connection, id: Int64) throws -> FindingRecord? {
        try db.queryOne("\(select) WHERE f.id = ?", [id]).map(FindingRecord.init)
    }

    /// The findings of one inspection, in the order they were written.
    static func of(inspection id: Int64, _ db: Connection) throws -> [FindingRecord] {
        try db.query("\(select) WHERE f.inspection_id = ? ORDER BY f.position, f.id", [id]).map(FindingRecord.init)
    }

    func deadline(today: CalendarDate) -> FindingDeadline {
        FindingDeadline(status: status, rectifyBy: rectifyBy, rectifiedOn: rectifiedOn, today: today)
    }

    /// The finding as the API shows it, with `overdue` and `rectified_late` as of `today`.
    func json(today: CalendarDate) -> JSONValue {
        let deadline = deadline(today: today)
        return .object(JSONObject([
            ("id", .number(JSONNumber(id))),
            ("inspection_id", .number(JSONNumber(inspectionID))),
            ("institution_id", .number(JSONNumber(institutionID))),
            ("item_code", .string(itemCode)),
            ("item_title_zh", itemTitleZh.map(JSONValue.string) ?? .null),
            ("item_title_en", itemTitleEn.map(JSONValue.string) ?? .null),
            ("description", .string(description)),
            ("severity", .string(severity.rawValue)),
            ("rectify_by", .string(rectifyBy.description)),
            ("status", .string(status.rawValue)),
            ("overdue", .bool(deadline.overdue)),
            ("rectified_late", .bool(deadline.rectifiedLate)),
            ("rectified_at", rectifiedAt.map(JSONValue.string) ?? .null),
            ("rectified_by", rectifiedBy?.json ?? .null),
            ("rectification_note", rectificationNote.map(JSONValue.string) ?? .null),
            ("verified_at", verifiedAt.map(JSONValue.string) ?? .null),
            ("verified_by", verifiedBy?.json ?? .null),
            ("reopened_at", reopenedAt.map(JSONValue.string) ?? .null),
            ("reopen_reason", reopenReason.map(JSONValue.string) ?? .null),
            ("created_at", .string(createdAt)),
            ("updated_at", .string(updatedAt)),
            ("version", .number(JSONNumber(version))),
        ]))
    }
}
