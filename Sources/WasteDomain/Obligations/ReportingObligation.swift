import JSON

/// Which months an institution owes a ledger report for (docs/DECISIONS.md, "Reporting obligations").
///
/// This is the one place that answers "is this month due from this unit?": the ledger component,
/// who has not reported, the reporting figures, coverage, rankings, notices and reminders all ask it,
/// so a unit registered in December is never charged for July.
public struct ReportingObligation: Sendable, Equatable {
    /// The institution's `reporting_starts_on`; nil: no start recorded, every month is owed.
    public let startsOn: CalendarDate?
    /// The month the institution was archived in (the last one it owes); nil while active.
    public let lastMonth: YearMonth?

    public init(startsOn: CalendarDate?, lastMonth: YearMonth? = nil) {
        self.startsOn = startsOn
        self.lastMonth = lastMonth
    }

    /// No start and no end: every month is owed.
    public static let always = ReportingObligation(startsOn: nil)

    /// The first month owed: the one that contains `startsOn` (a start on the 15th still owes that
    /// month's report: the unit was in the scheme for part of it and its entries belong to it).
    public var firstMonth: YearMonth? { startsOn?.yearMonth }

    /// Whether `month`'s report is owed.
    public func owes(_ month: YearMonth) -> Bool {
        if let firstMonth, month < firstMonth { return false }
        if let lastMonth, lastMonth < month { return false }
        return true
    }

    /// The months of `period` that are owed, in order.
    public func owedMonths(in period: Period) -> [YearMonth] { period.months.filter(owes) }

    /// True when the obligation began after the period's end: the unit appears in neither that
    /// period's ranking nor its notice.
    public func beginsAfter(_ period: Period) -> Bool {
        guard let startsOn else { return false }
        return startsOn > period.end
    }

    /// True when the institution was archived before the period began.
    public func endedBefore(_ period: Period) -> Bool {
        guard let lastMonth else { return false }
        return lastMonth < period.months[0]
    }

    /// Whether the unit takes part in the period at all (its obligation overlaps it).
    public func overlaps(_ period: Period) -> Bool { !beginsAfter(period) && !endedBefore(period) }
}
