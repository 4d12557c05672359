import CalendarDates

/// One institution's score for a period, with its components (each 0–100, in hundredths).
public struct PeriodScore: Sendable, Equatable {
    /// Components in hundredths of a point; nil when not applicable (its weight is then shared out).
    public var inspection: Int?
    public var ledger: Int?
    public var facility: Int?
    public var publicity: Int?
    /// The weighted score in hundredths of a point.
    public var total: Int

    /// `84.25` as text with two decimals.
    public static func text(hundredths: Int) -> String {
        let sign = hundredths < 0 ? "-" : ""
        let magnitude = abs(hundredths)
        let cents = magnitude % 100
        return "\(sign)\(magnitude / 100).\(cents < 10 ? "0" : "")\(cents)"
    }
}

extension Grade {
    /// The grade of a period score given in hundredths of a point.
    public init(hundredths: Int, thresholds: GradeThresholds) {
        self.init(scaled: Int64(hundredths), decimals: 2, thresholds: thresholds)
    }
}
