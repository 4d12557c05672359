import JSON
import Storage
import WasteDomain

/// Reads each institution's ``ReportingObligation`` from the registry: every computation that
/// asks "which months are due" goes through here (docs/DECISIONS.md, "Reporting obligations").
enum ObligationStore {
    /// The obligation of every institution (active or archived), by id.
    static func all(_ db: Connection, utcOffsetMinutes: Int) throws -> [Int64: ReportingObligation] {
        var result: [Int64: ReportingObligation] = [:]
        try db.forEachRow(selection) { row in
            result[try row.int64(0)] = try obligation(row, utcOffsetMinutes: utcOffsetMinutes)
        }
        return result
    }

    /// One institution's obligation; `.always` when it does not exist.
    static func of(_ db: Connection, institutionID: Int64, utcOffsetMinutes: Int) throws -> ReportingObligation {
        var result = ReportingObligation.always
        try db.forEachRow(selection + " WHERE id = ?", [institutionID]) { row in
            result = try obligation(row, utcOffsetMinutes: utcOffsetMinutes)
        }
        return result
    }

    private static let selection = "SELECT id, status, updated_at, reporting_starts_on FROM institutions"

    /// An archived institution's last owed month is the month it was archived in: its `updated_at`
    /// (archiving is its last change: an archived institution is not edited).
    private static func obligation(_ row: borrowing RowCursor, utcOffsetMinutes: Int) throws -> ReportingObligation {
        let startsOn = row.isNull(3) ? nil : try row.withUTF8(3, CalendarDate.init(utf8:))
        var lastMonth: YearMonth?
        if try row.string(1) == "archived", let archivedAt = try row.withUTF8(2, Timestamp.init(utf8:)) {
            lastMonth = archivedAt.date(utcOffsetMinutes: utcOffsetMinutes).yearMonth
        }
        return ReportingObligation(startsOn: startsOn, lastMonth: lastMonth)
    }
}
