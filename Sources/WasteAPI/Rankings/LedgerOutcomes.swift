import JSON
import Storage
import WasteDomain

/// Which monthly ledger reports were due in a period and how each institution did:
/// on time, late, or missing (docs/API.md, computed figures).
///
/// A month counts once its due date has passed, or earlier when its report is already in
/// (then it can only be on time). A returned report counts as not submitted.
struct LedgerOutcomes {
    private let months: [(month: YearMonth, dueOn: CalendarDate)]
    private let today: CalendarDate
    /// The district date each report was submitted, by institution, at the month's position in
    /// the period (an array of at most twelve, not a dictionary per institution).
    private let submitted: [Int64: [CalendarDate?]]

    static func load(_ db: Connection, period: Period, today: CalendarDate, settings: DistrictSettings) throws -> LedgerOutcomes {
        var submitted: [Int64: [CalendarDate?]] = [:]
        let offset = settings.utcOffsetMinutes
        let first = period.months[0], count = period.months.count
        // Read through the covering index `ledger_reports_by_month` (Migrations/0008), by position.
        try db.forEachRow("""
            SELECT institution_id, month, submitted_at FROM ledger_reports
            WHERE month >= ? AND month <= ? AND status IN ('submitted', 'accepted') AND submitted_at IS NOT NULL
            """, [period.months[0].description, period.months[period.months.count - 1].description]) { row in
            guard let month = try row.withUTF8(1, YearMonth.init(utf8:)),
                  let at = try row.withUTF8(2, Timestamp.init(utf8:)) else { return }
            let position = (month.year - first.year) * 12 + month.month - first.month
            guard (0..<count).contains(position) else { return }
            submitted[try row.int64(0), default: Array(repeating: nil, count: count)][position] = at.date(utcOffsetMinutes: offset)
        }
        return LedgerOutcomes(months: period.months.map { ($0, settings.reportDueDate(for: $0)) }, today: today,
                              submitted: submitted)
    }

    /// The due months of `institution`'s obligation with their outcomes; a month it does not owe
    /// is left out even when a report for it was sent.
    func months(for institution: Int64, owing obligation: ReportingObligation) -> [ScoreInputs.LedgerMonth] {
        let reports = submitted[institution]
        return months.enumerated().compactMap { position, due in
            let (month, dueOn) = due
            guard obligation.owes(month) else { return nil }
            if let on = reports?[position] {
                return ScoreInputs.LedgerMonth(month: month, dueOn: dueOn, outcome: on <= dueOn ? .onTime : .late)
            }
            return dueOn < today ? ScoreInputs.LedgerMonth(month: month, dueOn: dueOn, outcome: .missing) : nil
        }
    }
}
