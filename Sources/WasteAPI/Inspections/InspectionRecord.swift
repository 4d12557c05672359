import JSON
import Storage
import WasteDomain

/// A stored inspection with its scores, findings and the rubric it was scored on.
struct InspectionRecord: Sendable {
    let id: Int64
    let institutionID: Int64
    let institutionName: String
    let rubricID: Int64
    let rubric: Rubric
    let inspectedOn: CalendarDate
    let kind: InspectionKind
    let inspector: FindingRecord.UserRef
    let status: InspectionStatus
    let total: Points
    let scores: [(code: String, points: Points, note: String?)]
    /// Measured scores of measured items, by code (kept beside the score given).
    let measured: [String: Points]
    let accuracy: AccuracySample?
    let findings: [FindingRecord]
    let note: String?
    let finalizedAt: String?
    let voidedAt: String?
    let voidReason: String?
    let createdAt: String
    let updatedAt: String
    let version: Int64

    var etag: String { Conditional.etag(version: version) }

    static let select = """
        SELECT i.*, inst.name AS institution_name, u.username AS inspector_username
        FROM inspections i
        JOIN institutions inst ON inst.id = i.institution_id
        JOIN users u ON u.id = i.inspector_id
        """

    static func find(_ db: Connection, id: Int64, rubrics: inout RubricCache) throws -> InspectionRecord? {
        guard let row = try db.queryOne("\(select) WHERE i.id = ?", [id]) else { return nil }
        return try load(db, row: row, rubrics: &rubrics)
    }

    static func find(_ db: Connection, id: Int64) throws -> InspectionRecord? {
        var rubrics = RubricCache()
        return try find(db, id: id, rubrics: &rubrics)
    }

    static func load(_ db: Connection, row: Row, rubrics: inout RubricCache) throws -> InspectionRecord {
        let id = try row.int64("id")
        let rubricID = try row.int64("rubric_id")
        let rows = try db.query(
            "SELECT code, score_tenths, note, measured_tenths FROM inspection_scores WHERE inspection_id = ? ORDER BY position", [id])
        let scores = try rows.map { (code: try $0.string("code"), points: Points(tenths: try $0.int64("score_tenths")),
                                     note: try $0.optionalString("note")) }
        var measured: [String: Points] = [:]
        for row in rows {
            if let tenths = try row.optionalInt64("measured_tenths") { measured[try row.string("code")] = Points(tenths: tenths) }
        }
        let checked = try row.optionalInt("bins_checked")
        let correct = try row.optionalInt("bins_correct")
        return InspectionRecord(
            id: id, institutionID: try row.int64("institution_id"), institutionName: try row.string("institution_name"),
            rubricID: rubricID, rubric: try rubrics.rubric(db, id: rubricID),
            inspectedOn: try StoredValues.date(row, "inspected_on"),
            kind: try StoredValues.enumeration(row, "kind"),
            inspector: .init(id: try row.int64("inspector_id"), username: try row.string("inspector_username")),
            status: try StoredValues.enumeration(row, "status"),
            total: Points(tenths: try row.int64("total_tenths")), scores: scores, measured: measured,
            accuracy: checked.flatMap { checked in correct.flatMap { AccuracySample(binsChecked: checked, binsCorrect: $0) } },
            findings: try FindingRecord.of(inspection: id, db), note: try row.optionalString("note"),
            finalizedAt: try row.optionalString("finalized_at"), voidedAt: try row.optionalString("voided_at"),
            voidReason: try row.optionalString("void_reason"), createdAt: try row.string("created_at"),
            updatedAt: try row.string("updated_at"), version: try row.int64("version"))
    }

    /// The editable part, as a PATCH starts from it.
    var draft: InspectionDraft {
        InspectionDraft(
            institutionID: institutionID, inspectedOn: inspectedOn, kind: kind,
            sheet: ScoreSheet(checked: scores.map { ScoreSheet.Score(code: $0.code, points: $0.points) }),
            itemNotes: Dictionary(scores.compactMap { score in score.note.map { (score.code, $0) } }, uniquingKeysWith: { a, _ in a }),
            accuracy: accuracy,
            findings: findings.map { FindingDraft(itemCode: $0.itemCode, description: $0.description, severity: $0.severity,
                                                  rectifyBy: $0.rectifyBy) },
            note: note, measured: measured)
    }
}

/// Rubrics loaded once per request, since a list of inspections mostly shares one.
struct RubricCache {
    private var loaded: [Int64: Rubric] = [:]

    mutating func rubric(_ db: Connection, id: Int64) throws -> Rubric {
        if let rubric = loaded[id] { return rubric }
        let rubric = try RubricRecord.find(db, id: id)?.rubric ?? Rubric(version: 0, sections: [], items: [])
        loaded[id] = rubric
        return rubric
    }
}
