/// Where in the chain a ledger entry was recorded (全过程量化管理: collection, transport, treatment).
public enum LedgerStage: String, Sendable, CaseIterable, Comparable {
    case collected
    case transported
    case treated

    /// Earlier stages sort first: the statistics count the earliest stage recorded (see ``StageRule``).
    public static func < (lhs: LedgerStage, rhs: LedgerStage) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}

/// What finally happened to the waste of an entry.
public enum Disposal: String, Sendable, CaseIterable {
    case recycled
    case composted
    case incinerated
    case landfilled
    case hazardousTreatment = "hazardous_treatment"
    case other

    /// Incineration and landfill destroy the material: such weight is never "recovered".
    public var destroysMaterial: Bool { self == .incinerated || self == .landfilled }
}
