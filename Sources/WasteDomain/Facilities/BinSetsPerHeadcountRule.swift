import JSON

/// Bins scale with headcount: at least one bin of each category in force per
/// `staff_per_bin_set` staff (default 50), rounded up, and never fewer than one.
public struct BinSetsPerHeadcountRule: FacilityRule {
    public static let code = "bin_sets_per_headcount"
    public static let parameterKeys = ["staff_per_bin_set"]
    public var enabled = true
    public var staffPerBinSet = 50

    public init() {}

    public mutating func readParameters(_ reader: inout JSONFieldReader) {
        if let staff = reader.int("staff_per_bin_set", min: 1, max: 100_000) { staffPerBinSet = staff }
    }

    public var parameters: [(String, JSONValue)] { [("staff_per_bin_set", .number(JSONNumber(staffPerBinSet)))] }

    /// Sets needed for a headcount: ⌈headcount / staff per set⌉, at least 1.
    public func setsNeeded(headcount: Int) -> Int {
        max(1, (max(0, headcount) + staffPerBinSet - 1) / staffPerBinSet)
    }

    public func evaluate(_ facts: FacilityFacts) -> [FacilityShortfall]? {
        guard enabled, !facts.categoriesInForce.isEmpty else { return nil }
        let headcount = facts.institution.headcount
        let needed = setsNeeded(headcount: headcount)
        return facts.categoriesInForce.compactMap { category in
            let have = facts.points.reduce(0) { $0 + $1.binCount(category) }
            guard have < needed else { return nil }
            let message = "\(have) \(category.rawValue) bin(s) for \(headcount) staff; \(needed) needed "
                + "(one per \(staffPerBinSet) staff)"
            let messageZh = "\(category.chineseName)收集容器\(have)个，\(headcount)名职工应配\(needed)个（每\(staffPerBinSet)人一套）"
            return FacilityShortfall(rule: Self.code, message: message, messageZh: messageZh, missing: .init(category: category, count: needed - have))
        }
    }
}
