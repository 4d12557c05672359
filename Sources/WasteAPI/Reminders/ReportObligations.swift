import Storage
import WasteDomain

/// Who owes a month's ledger report: the one place reminders ask, so that a rule about which
/// months an institution must report (e.g. a per-institution start month) changes it here.
enum ReportObligations {
    struct Owing: Sendable {
        let unit: ReminderOccurrence.Unit
        /// `open` (never submitted) or `returned` (sent back for correction).
        let status: ReportStatus
    }

    /// Active institutions whose report for `month` is neither submitted nor accepted, and whose
    /// `reporting_starts_on` is not after the month (docs/API.md, "Reporting obligation"), by code.
    static func owing(_ db: Connection, month: YearMonth) throws -> [Owing] {
        try db.query("""
            SELECT i.id, i.code, i.name, COALESCE(r.status, 'open') AS status
            FROM institutions i LEFT JOIN ledger_reports r ON r.institution_id = i.id AND r.month = ?
            WHERE i.status = 'active' AND COALESCE(r.status, 'open') IN ('open', 'returned')
              AND (i.reporting_starts_on IS NULL OR i.reporting_starts_on <= ?)
            ORDER BY i.code
            """, [month.description, month.lastDay.description]).map { row in
            Owing(unit: .init(id: try row.int64("id"), code: try row.string("code"), name: try row.string("name")),
                  status: ReportStatus(rawValue: try row.string("status")) ?? .open)
        }
    }
}
