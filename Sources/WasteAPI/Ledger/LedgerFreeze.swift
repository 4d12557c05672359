import Routing
import Storage
import WasteDomain

/// A month whose report is submitted or accepted is frozen: its entries cannot be added,
/// changed or deleted until the office returns the report (docs/API.md).
enum LedgerFreeze {
    /// An archived institution's ledger stays as it was archived.
    static let archivedRefusal = InstitutionGate.Purpose.writing { "institution \($0.code) is archived; its ledger can no longer change" }

    /// Throws a 409 naming the first frozen month among `months` of the institution.
    static func requireOpen(_ db: Connection, institutionID: Int64, months: Set<YearMonth>, utcOffsetMinutes: Int) throws {
        for month in months.sorted() {
            guard let row = try db.queryOne(
                "SELECT status, submitted_at, accepted_at FROM ledger_reports WHERE institution_id = ? AND month = ?",
                [institutionID, month.description]) else { continue }
            guard let status = ReportStatus(rawValue: try row.string("status")) else { throw StoredValueError(column: "status") }
            guard status.freezesEntries else { continue }
            throw HTTPError.conflict(try message(month, status: status, row: row, utcOffsetMinutes: utcOffsetMinutes))
        }
    }

    private static func message(_ month: YearMonth, status: ReportStatus, row: Row, utcOffsetMinutes: Int) throws -> String {
        func day(_ column: String) throws -> String {
            guard let text = try row.optionalString(column), let instant = Timestamp(parsing: text) else { return "an earlier day" }
            return instant.date(utcOffsetMinutes: utcOffsetMinutes).description
        }
        if status == .accepted {
            return "the \(month) ledger report was accepted on \(try day("accepted_at")) and is closed; its entries can no longer change"
        }
        return "the \(month) ledger report was submitted on \(try day("submitted_at")) and is frozen; ask the office to return it"
    }
}
