/// A ledger entry as SPEC §5 describes it (snake_case keys), decoded by every peer with
/// `JSONDecoder`: the work a typical framework user would write for `POST /entries`.
public struct LedgerEntryInput: Codable, Sendable {
    public var occurredOn: String
    public var category: String
    public var subcategory: String?
    public var weightKg: Double
    public var weighed: Bool
    public var stage: String
    public var hauler: String
    public var destination: String
    public var disposal: String
    public var manifestNo: String
    public var note: String?

    enum CodingKeys: String, CodingKey {
        case occurredOn = "occurred_on", category, subcategory, weightKg = "weight_kg", weighed, stage
        case hauler, destination, disposal, manifestNo = "manifest_no", note
    }

    /// Rejects what wastesort would reject, so a peer cannot win by skipping validation entirely.
    public var isValid: Bool {
        weightKg > 0 && weightKg <= 100_000 && !category.isEmpty && occurredOn.utf8.count == 10
    }
}

/// The small 201 body every peer answers with.
public struct CreatedEntry: Codable, Sendable {
    public var id: Int
    public var category: String
    public var weightKg: Double
    public var version: Int

    public init(id: Int, entry: LedgerEntryInput) {
        self.id = id
        self.category = entry.category
        self.weightKg = entry.weightKg
        self.version = 1
    }

    enum CodingKeys: String, CodingKey {
        case id, category, weightKg = "weight_kg", version
    }
}
