import CalendarDates

/// Ledger weight summed over entries that share institution, month, category, stage and
/// disposal: what the statistics are computed from.
public struct LedgerAggregate: Sendable, Equatable {
    public let institutionID: Int64
    public let month: YearMonth
    public let category: WasteCategory
    public let stage: LedgerStage
    public let disposal: Disposal?
    public let grams: Int64
    public let entries: Int

    public init(institutionID: Int64, month: YearMonth, category: WasteCategory, stage: LedgerStage,
                disposal: Disposal?, grams: Int64, entries: Int) {
        self.institutionID = institutionID
        self.month = month
        self.category = category
        self.stage = stage
        self.disposal = disposal
        self.grams = grams
        self.entries = entries
    }

    /// Recyclables and food waste not sent to incineration or landfill (生活垃圾回收利用率's
    /// numerator). An entry without a disposal counts as recovered: sorted recyclables and food
    /// waste go to recovery unless the ledger says otherwise.
    public var isRecovered: Bool {
        (category == .recyclable || category == .food) && !(disposal?.destroysMaterial ?? false)
    }

    /// Hazardous waste that reached hazardous-waste treatment.
    public var isHazardousHandled: Bool {
        category == .hazardous && disposal == .hazardousTreatment
    }
}

/// Which stage's weight counts, so the same waste recorded at collection, transport and
/// treatment is counted once.
///
/// For each institution, month and category only the earliest stage with entries counts:
/// `collected` when the institution recorded any collected weight of that category that
/// month, else `transported`, else `treated`. A unit that only files the plant's weighbridge
/// slips is still counted; one that files all three stages is counted once.
public enum StageRule {
    public static let description = "Per institution, month and category only the earliest recorded stage counts "
        + "(collected, else transported, else treated), so waste recorded at several stages is counted once."

    public static func counted(_ aggregates: [LedgerAggregate]) -> [LedgerAggregate] {
        struct Key: Hashable {
            let institutionID: Int64
            let month: YearMonth
            let category: WasteCategory
        }
        var earliest: [Key: LedgerStage] = [:]
        for aggregate in aggregates {
            let key = Key(institutionID: aggregate.institutionID, month: aggregate.month, category: aggregate.category)
            earliest[key] = min(earliest[key] ?? aggregate.stage, aggregate.stage)
        }
        return aggregates.filter {
            earliest[Key(institutionID: $0.institutionID, month: $0.month, category: $0.category)] == $0.stage
        }
    }
}
