/// Totals of counted ledger weight and the rates built on them (docs/API.md, computed figures).
public struct LedgerTotals: Sendable, Equatable {
    public private(set) var grams: Int64 = 0
    public private(set) var entries = 0
    public private(set) var gramsByCategory: [WasteCategory: Int64] = [:]
    public private(set) var recoveredGrams: Int64 = 0
    public private(set) var hazardousHandledGrams: Int64 = 0

    public init() {}

    public init(_ aggregates: some Sequence<LedgerAggregate>) {
        for aggregate in aggregates { add(aggregate) }
    }

    public mutating func add(_ aggregate: LedgerAggregate) {
        grams += aggregate.grams
        entries += aggregate.entries
        gramsByCategory[aggregate.category, default: 0] += aggregate.grams
        if aggregate.isRecovered { recoveredGrams += aggregate.grams }
        if aggregate.isHazardousHandled { hazardousHandledGrams += aggregate.grams }
    }

    /// 生活垃圾回收利用率: recovered weight over all weight, ×10⁴ (4 decimals); nil with no weight.
    public var recoveryRate: Int64? {
        Ratio.scaled(recoveredGrams, over: grams, decimals: 4)
    }

    /// Kilograms per staff member per working day, ×10⁴ (4 decimals); nil without staff or days.
    public func kilogramsPerStaffPerWorkingDay(headcount: Int, workingDays: Int) -> Int64? {
        guard headcount > 0, workingDays > 0 else { return nil }
        return Ratio.scaled(grams, over: 1000 * Int64(headcount) * Int64(workingDays), decimals: 4)
    }
}
