import CalendarDates

/// Everything behind one institution's score for one period: what the score explains itself with.
public struct ScoreInputs: Sendable, Equatable {
    /// The ledger report of one due month.
    public struct LedgerMonth: Sendable, Equatable {
        public enum Outcome: String, Sendable { case onTime = "on_time", late, missing }
        public let month: YearMonth
        public let dueOn: CalendarDate
        public let outcome: Outcome

        public init(month: YearMonth, dueOn: CalendarDate, outcome: Outcome) {
            self.month = month
            self.dueOn = dueOn
            self.outcome = outcome
        }
    }

    /// Finalized, unvoided inspections in the period.
    public var inspections: [CountedInspection]
    /// The months whose report was due by the evaluation date; empty when none was due yet.
    public var ledgerMonths: [LedgerMonth]
    /// Facility compliance score (0–100) at the period's end, in tenths; nil when not evaluated.
    public var facilityScoreTenths: Int?
    /// Training held in every quarter of the period (`PublicityComponent`).
    public var trainingInEveryQuarter: Bool
    /// A pledge or commitment-signing activity held in the period.
    public var pledgeInPeriod: Bool

    public init(inspections: [CountedInspection], ledgerMonths: [LedgerMonth], facilityScoreTenths: Int?,
                trainingInEveryQuarter: Bool, pledgeInPeriod: Bool) {
        self.inspections = inspections
        self.ledgerMonths = ledgerMonths
        self.facilityScoreTenths = facilityScoreTenths
        self.trainingInEveryQuarter = trainingInEveryQuarter
        self.pledgeInPeriod = pledgeInPeriod
    }
}
