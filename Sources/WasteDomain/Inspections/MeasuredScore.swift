/// Where a measured rubric item's score comes from (docs/DECISIONS.md, "Measured rubric items").
public enum MeasuredSource: String, Sendable, CaseIterable {
    /// C3 投放准确率: the inspection's disposal-accuracy sample.
    case accuracySample = "accuracy_sample"
    /// C6 台帐: the institution's last three due ledger reports.
    case ledger
}

/// Scores the system measures instead of the inspector's judgement, in exact tenths.
public enum MeasuredScore {
    /// Full marks at ≥ 90 % correct bins; below, in proportion: max × rate / 90 %, rounded half up to
    /// a tenth (85 % of 15 points → 14.2).
    public static func accuracy(_ sample: AccuracySample, max: Points) -> Points {
        guard !sample.meetsTarget else { return max }
        let numerator = max.tenths * Int64(sample.binsCorrect) * 100
        let denominator = Int64(sample.binsChecked) * Int64(AccuracySample.targetPercent)
        return Points(tenths: (numerator * 2 + denominator) / (denominator * 2))
    }

    /// The share of the due months reported on time, of `max`, rounded half up to a tenth; nil when
    /// no month was due yet (nothing to measure: the inspector scores it).
    public static func ledger(onTime: Int, due: Int, max: Points) -> Points? {
        guard due > 0 else { return nil }
        let numerator = max.tenths * Int64(min(onTime, due))
        return Points(tenths: (numerator * 2 + Int64(due)) / (Int64(due) * 2))
    }

    /// How many recent due months C6 looks at.
    public static let ledgerMonths = 3
}
