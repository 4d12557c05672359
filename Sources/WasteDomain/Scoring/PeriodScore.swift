import JSON

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

/// The grade of a score (SPEC §5): ≥ excellent 优秀, ≥ good 良好, ≥ pass 合格, else 不合格.
public enum Grade: String, Sendable, CaseIterable {
    case excellent, good, pass, fail

    public init(hundredths: Int, thresholds: GradeThresholds) {
        switch hundredths {
        case (thresholds.excellent * 100)...: self = .excellent
        case (thresholds.good * 100)...: self = .good
        case (thresholds.pass * 100)...: self = .pass
        default: self = .fail
        }
    }

    public var chineseName: String {
        switch self {
        case .excellent: "优秀"
        case .good: "良好"
        case .pass: "合格"
        case .fail: "不合格"
        }
    }
}
