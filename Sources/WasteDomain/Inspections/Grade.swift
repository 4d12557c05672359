/// The four grades of a score out of 100 (docs/API.md): ≥ excellent 优秀, ≥ good 良好, ≥ pass 合格,
/// else 不合格, with the district's thresholds (`GradeThresholds`).
public enum Grade: String, Sendable, CaseIterable, Comparable {
    case excellent
    case good
    case pass
    case fail

    public var chineseName: String {
        switch self {
        case .excellent: "优秀"
        case .good: "良好"
        case .pass: "合格"
        case .fail: "不合格"
        }
    }

    /// The grade of a score given as an exact scaled integer (`scaled / 10^decimals` points),
    /// so 89.9 (899 tenths) is `good` and 90.0 is `excellent` with the default thresholds.
    /// Rankings pass 2-decimal scores, inspections 1-decimal totals.
    public init(scaled: Int64, decimals: Int, thresholds: GradeThresholds) {
        var unit: Int64 = 1
        for _ in 0..<max(0, min(decimals, 18)) { unit *= 10 }
        if scaled >= Int64(thresholds.excellent) * unit {
            self = .excellent
        } else if scaled >= Int64(thresholds.good) * unit {
            self = .good
        } else if scaled >= Int64(thresholds.pass) * unit {
            self = .pass
        } else {
            self = .fail
        }
    }

    public init(points: Points, thresholds: GradeThresholds) {
        self.init(scaled: points.tenths, decimals: 1, thresholds: thresholds)
    }

    /// Best first.
    public static func < (lhs: Grade, rhs: Grade) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
