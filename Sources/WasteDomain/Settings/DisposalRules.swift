/// Which `disposal` values each category's ledger entries may have (docs/DECISIONS.md,
/// "Plausibility"): hazardous waste burnt or composted is a typing mistake or worse.
public struct DisposalRules: Sendable, Equatable {
    public var allowed: [WasteCategory: [Disposal]]

    public init(allowed: [WasteCategory: [Disposal]]) { self.allowed = allowed }

    /// The defaults: hazardous waste only to hazardous treatment (or `other`, e.g. returned to the
    /// producer); recyclables recycled, or burnt/landfilled when they could not be; food waste
    /// composted, recycled (digestion, feed) or burnt/landfilled; residual waste burnt or landfilled.
    /// `other` stays open for every category: the field's escape hatch.
    public static let standard = DisposalRules(allowed: [
        .recyclable: [.recycled, .incinerated, .landfilled, .other],
        .hazardous: [.hazardousTreatment, .other],
        .food: [.composted, .recycled, .incinerated, .landfilled, .other],
        .residual: [.incinerated, .landfilled, .other],
    ])

    /// The disposals a category may have: every one when the rules do not name the category.
    public func allowed(for category: WasteCategory) -> [Disposal] { allowed[category] ?? Disposal.allCases }

    public func allows(_ disposal: Disposal, for category: WasteCategory) -> Bool { allowed(for: category).contains(disposal) }
}
