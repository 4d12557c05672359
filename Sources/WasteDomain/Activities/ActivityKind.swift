/// What a publicity or training activity was (docs/API.md): the plan asks for training,
/// pledges (党员干部宣誓), commitment letters (承诺书) and printed materials (海报/手册).
public enum ActivityKind: String, Sendable, CaseIterable, Comparable {
    case training
    case pledge
    case commitmentSigning = "commitment_signing"
    case materials
    case other

    /// Whether the activity counts as "a pledge or commitment activity" for the publicity score.
    public var isPledgeOrCommitment: Bool { self == .pledge || self == .commitmentSigning }

    public static func < (lhs: ActivityKind, rhs: ActivityKind) -> Bool { lhs.rawValue < rhs.rawValue }
}
