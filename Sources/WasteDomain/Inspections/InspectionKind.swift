/// Why an inspection took place (月检查、半年考核、不定时暗访, docs/API.md).
public enum InspectionKind: String, Sendable, CaseIterable {
    case monthly
    case unannounced
    case semiannual
    case spot

    public var chineseName: String {
        switch self {
        case .monthly: "月检查"
        case .unannounced: "暗访"
        case .semiannual: "半年考核"
        case .spot: "抽查"
        }
    }
}

/// Where an inspection is in its life: a `draft` can still change, a `finalized` one counts
/// and is immutable, a `voided` one is kept for the record but no longer counts.
public enum InspectionStatus: String, Sendable, CaseIterable {
    case draft
    case finalized
    case voided

    /// Only finalized, unvoided inspections count towards scores and rankings.
    public var counts: Bool { self == .finalized }

    public var isEditable: Bool { self == .draft }

    /// Drafts are finalized; drafts and finalized inspections may be voided (a mistaken
    /// draft is voided rather than deleted, so the audit trail stays whole).
    public func canTransition(to next: InspectionStatus) -> Bool {
        switch (self, next) {
        case (.draft, .finalized), (.draft, .voided), (.finalized, .voided): true
        default: false
        }
    }
}
