import Storage
import WasteDomain

/// Writes a report's workflow state: the row is created on its first transition.
enum LedgerReportStore {
    static func apply(_ action: ReportAction, to report: LedgerReport, reason: String?, context: APIContext, db: Connection) throws {
        let now = context.now.description
        let actor = context.principal?.userID
        if report.rowID == nil {
            try db.execute("""
                INSERT INTO ledger_reports (institution_id, month, status, created_at, updated_at, version)
                VALUES (?, ?, 'open', ?, ?, 0)
                """, [report.institutionID, report.month.description, now, now])
        }
        let change: String
        switch action {
        case .submit: change = "submitted_at = ?, submitted_by = ?"
        case .accept: change = "accepted_at = ?, accepted_by = ?"
        case .return: change = "returned_at = ?, returned_by = ?, return_reason = ?"
        }
        var arguments: [any SQLValueConvertible] = [action.target.rawValue, now, now, actor]
        if action == .return { arguments.append(reason) }
        arguments += [report.institutionID, report.month.description]
        try db.execute("""
            UPDATE ledger_reports SET status = ?, updated_at = ?, version = version + 1, \(change)
            WHERE institution_id = ? AND month = ?
            """, arguments)
    }
}
