/// A ledger entry as `POST /v1/institutions/{id}/ledger-entries` takes it (SPEC §5, snake_case),
/// decoded by every peer with `JSONDecoder`: the work a typical framework user would write.
/// The optional members are optional here too, as wastesort's `LedgerEntryInput` reads them.
public struct LedgerEntryInput: Codable, Sendable {
    public var occurredOn: String
    public var category: String
    public var subcategory: String?
    public var weightKg: Double
    public var weighed: Bool?
    public var stage: String
    public var hauler: String?
    public var destination: String?
    public var disposal: String?
    public var manifestNo: String?
    public var note: String?

    enum CodingKeys: String, CodingKey {
        case occurredOn = "occurred_on", category, subcategory, weightKg = "weight_kg", weighed, stage
        case hauler, destination, disposal, manifestNo = "manifest_no", note
    }

    static let categories: Set<String> = ["recyclable", "hazardous", "food", "residual"]
    static let stages: Set<String> = ["collected", "transported", "treated"]

    /// Rejects what wastesort would reject on the common paths (weight range, category, stage,
    /// date shape, text lengths), so a peer cannot win by skipping validation entirely.
    public var isValid: Bool {
        weightKg >= 0.001 && weightKg <= 100_000 && Self.categories.contains(category) && Self.stages.contains(stage)
            && occurredOn.utf8.count == 10 && (note?.count ?? 0) <= 1000 && (hauler?.count ?? 0) <= 200
            && (destination?.count ?? 0) <= 200 && (manifestNo?.count ?? 0) <= 64
    }
}
