import JSON

/// Everything behind one institution's score for one period: what the score explains itself with.
public struct ScoreInputs: Sendable, Equatable {
    /// A finalized, unvoided inspection in the period.
    public struct Inspection: Sendable, Equatable {
        public let id: Int64
        public let inspectedOn: CalendarDate
        public let kind: String
        /// Total in tenths of a point (0…1000).
        public let totalTenths: Int

        public init(id: Int64, inspectedOn: CalendarDate, kind: String, totalTenths: Int) {
            self.id = id
            self.inspectedOn = inspectedOn
            self.kind = kind
            self.totalTenths = totalTenths
        }

        public var isSemiannual: Bool { kind == "semiannual" }
    }

    /// The ledger report of one due month.
    public struct LedgerMonth: Sendable, Equatable {
        public enum Outcome: String, Sendable { case onTime = "on_time", late, missing }
        public let month: YearMonth
        public let outcome: Outcome

        public init(month: YearMonth, outcome: Outcome) {
            self.month = month
            self.outcome = outcome
        }
    }

    public var inspections: [Inspection]
    /// The months whose report was due by the evaluation date; empty when none was due yet.
    public var ledgerMonths: [LedgerMonth]
    /// Facility compliance score (0–100) at the period's end, in tenths; nil when not evaluated.
    public var facilityScoreTenths: Int?
    /// The quarters of the period, each with whether a training was held in it.
    public var trainingQuarters: [(quarter: Period, held: Bool)]
    /// Pledge or commitment-signing activities held in the period.
    public var pledgeActivities: Int

    public init(inspections: [Inspection], ledgerMonths: [LedgerMonth], facilityScoreTenths: Int?,
                trainingQuarters: [(quarter: Period, held: Bool)], pledgeActivities: Int) {
        self.inspections = inspections
        self.ledgerMonths = ledgerMonths
        self.facilityScoreTenths = facilityScoreTenths
        self.trainingQuarters = trainingQuarters
        self.pledgeActivities = pledgeActivities
    }

    public static func == (lhs: ScoreInputs, rhs: ScoreInputs) -> Bool {
        lhs.inspections == rhs.inspections && lhs.ledgerMonths == rhs.ledgerMonths
            && lhs.facilityScoreTenths == rhs.facilityScoreTenths && lhs.pledgeActivities == rhs.pledgeActivities
            && lhs.trainingQuarters.map(\.quarter) == rhs.trainingQuarters.map(\.quarter)
            && lhs.trainingQuarters.map(\.held) == rhs.trainingQuarters.map(\.held)
    }
}
