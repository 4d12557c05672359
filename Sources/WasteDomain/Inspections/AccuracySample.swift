/// A disposal-accuracy spot check (投放准确率): of the bins looked into, how many held only
/// what belongs there. Feeds rubric item C3, whose target is ≥ 90 %.
public struct AccuracySample: Sendable, Hashable {
    public let binsChecked: Int
    public let binsCorrect: Int

    /// The C3 target of the national reference standard.
    public static let targetPercent = 90
    /// A sanity bound: no inspection team looks into more bins in one visit.
    public static let maxBins = 100_000

    /// Nil unless 1 ≤ checked ≤ `maxBins` and 0 ≤ correct ≤ checked (a sample of no bins says nothing).
    public init?(binsChecked: Int, binsCorrect: Int) {
        guard (1...Self.maxBins).contains(binsChecked), (0...binsChecked).contains(binsCorrect) else { return nil }
        self.binsChecked = binsChecked
        self.binsCorrect = binsCorrect
    }

    /// correct / checked, between 0 and 1.
    public var rate: Double { Double(binsCorrect) / Double(binsChecked) }

    /// The rate in basis points (1/10000), rounded half up: exact enough for display and SQL.
    public var rateBasisPoints: Int { (binsCorrect * 20_000 + binsChecked) / (binsChecked * 2) }

    /// Whether the sample meets the ≥ 90 % target, decided exactly in integers.
    public var meetsTarget: Bool { binsCorrect * 100 >= binsChecked * Self.targetPercent }
}
