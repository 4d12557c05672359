import JSON
import Storage
import WasteDomain

/// Storage of inspections, their scores and findings. Every function runs inside the caller's
/// transaction.
///
/// The ranking engine and notices read counted inspections through
/// ``countedInspections(_:from:to:institutionID:)``.
public enum InspectionStore {
    /// Finalized, unvoided inspections dated `from` through `to` (inclusive), in date order,
    /// optionally of one institution. Drafts and voided inspections never count.
    public static func countedInspections(_ db: Connection, from: CalendarDate, to: CalendarDate,
                                          institutionID: Int64? = nil) throws -> [CountedInspection] {
        // Read through the covering index `inspections_counted` (Migrations/0008), by position.
        var counted: [CountedInspection] = []
        try db.forEachRow("""
            SELECT id, institution_id, inspected_on, kind, rubric_id, total_tenths FROM inspections
            WHERE status = 'finalized' AND inspected_on >= ? AND inspected_on <= ? AND (? IS NULL OR institution_id = ?)
            ORDER BY inspected_on, id
            """, [from.description, to.description, institutionID, institutionID]) { row in
            guard let date = try row.withUTF8(2, CalendarDate.init(utf8:)) else { throw StoredValueError(column: "inspected_on") }
            let kind: InspectionKind = try StoredValues.enumeration(try row.string(3), column: "kind")
            counted.append(CountedInspection(id: try row.int64(0), institutionID: try row.int64(1), inspectedOn: date, kind: kind,
                                             rubricID: try row.int64(4), total: Points(tenths: try row.int64(5))))
        }
        return counted
    }

    /// The same, grouped by institution.
    public static func countedInspectionsByInstitution(_ db: Connection, from: CalendarDate,
                                                       to: CalendarDate) throws -> [Int64: [CountedInspection]] {
        CountedInspection.byInstitution(try countedInspections(db, from: from, to: to))
    }

    static func isActiveInstitution(_ db: Connection, id: Int64) throws -> Bool {
        try db.scalar("SELECT COUNT(*) FROM institutions WHERE id = ? AND status = 'active'", [id], as: Int64.self) == 1
    }

    /// Stores a new draft inspection scored on `rubricID`; returns its id.
    static func insert(_ db: Connection, _ draft: InspectionDraft, rubricID: Int64, inspectorID: Int64, now: Timestamp) throws -> Int64 {
        try db.execute("""
            INSERT INTO inspections (institution_id, rubric_id, inspected_on, kind, inspector_id, status, total_tenths,
                                     bins_checked, bins_correct, note, created_at, updated_at, version)
            VALUES (?, ?, ?, ?, ?, 'draft', ?, ?, ?, ?, ?, ?, 1)
            """, [draft.institutionID, rubricID, draft.inspectedOn.description, draft.kind.rawValue, inspectorID,
                  draft.sheet.total.tenths, draft.accuracy?.binsChecked, draft.accuracy?.binsCorrect, draft.note,
                  now.description, now.description])
        let id = db.lastInsertRowID
        try writeChildren(db, id: id, draft, now: now)
        return id
    }

    /// Replaces a draft's fields, scores and (pending) findings; bumps its version.
    static func replace(_ db: Connection, id: Int64, _ draft: InspectionDraft, now: Timestamp) throws {
        try db.execute("""
            UPDATE inspections SET institution_id = ?, inspected_on = ?, kind = ?, total_tenths = ?, bins_checked = ?,
                bins_correct = ?, note = ?, updated_at = ?, version = version + 1
            WHERE id = ? AND status = 'draft'
            """, [draft.institutionID, draft.inspectedOn.description, draft.kind.rawValue, draft.sheet.total.tenths,
                  draft.accuracy?.binsChecked, draft.accuracy?.binsCorrect, draft.note, now.description, id])
        try db.execute("DELETE FROM inspection_scores WHERE inspection_id = ?", [id])
        try db.execute("DELETE FROM findings WHERE inspection_id = ? AND status = 'pending'", [id])
        try writeChildren(db, id: id, draft, now: now)
    }

    private static func writeChildren(_ db: Connection, id: Int64, _ draft: InspectionDraft, now: Timestamp) throws {
        for (position, score) in draft.sheet.scores.enumerated() {
            try db.execute("""
                INSERT INTO inspection_scores (inspection_id, code, position, score_tenths, note, measured_tenths)
                VALUES (?, ?, ?, ?, ?, ?)
                """, [id, score.code, position + 1, score.points.tenths, draft.itemNotes[score.code],
                      draft.measured[score.code]?.tenths])
        }
        for (position, finding) in draft.findings.enumerated() {
            try db.execute("""
                INSERT INTO findings (inspection_id, institution_id, position, item_code, description, severity, rectify_by,
                                      status, created_at, updated_at, version)
                VALUES (?, ?, ?, ?, ?, ?, ?, 'pending', ?, ?, 1)
                """, [id, draft.institutionID, position + 1, finding.itemCode, finding.description, finding.severity.rawValue,
                      finding.rectifyBy.description, now.description, now.description])
        }
    }

    /// Draft → finalized: the inspection now counts, and its findings open.
    static func finalize(_ db: Connection, id: Int64, by userID: Int64, now: Timestamp) throws {
        try db.execute("""
            UPDATE inspections SET status = 'finalized', finalized_at = ?, finalized_by = ?, updated_at = ?, version = version + 1
            WHERE id = ? AND status = 'draft'
            """, [now.description, userID, now.description, id])
        try db.execute("""
            UPDATE findings SET status = 'open', updated_at = ?, version = version + 1 WHERE inspection_id = ? AND status = 'pending'
            """, [now.description, id])
    }

    /// Draft or finalized → voided: kept with its reason, no longer counted; its findings are withdrawn.
    static func void(_ db: Connection, id: Int64, reason: String, by userID: Int64, now: Timestamp) throws {
        try db.execute("""
            UPDATE inspections SET status = 'voided', voided_at = ?, voided_by = ?, void_reason = ?, updated_at = ?,
                version = version + 1
            WHERE id = ? AND status IN ('draft', 'finalized')
            """, [now.description, userID, reason, now.description, id])
        try db.execute("""
            UPDATE findings SET status = 'withdrawn', updated_at = ?, version = version + 1
            WHERE inspection_id = ? AND status <> 'withdrawn'
            """, [now.description, id])
    }
}
