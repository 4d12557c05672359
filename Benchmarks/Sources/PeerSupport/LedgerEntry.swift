/// A stored ledger entry with the members of wastesort's `LedgerEntryRecord.json`, in its order;
/// absent optionals are written as `null`, as wastesort writes them. The POST answers one, the
/// ledger page holds fifty.
public struct LedgerEntry: Codable, Sendable {
    public var id: Int
    public var institutionId: Int
    public var occurredOn: String
    public var category: String
    public var subcategory: String?
    public var weightKg: Double
    public var weighed: Bool
    public var stage: String
    public var hauler: String?
    public var destination: String?
    public var disposal: String?
    public var manifestNo: String?
    public var note: String?
    public var createdAt: String
    public var updatedAt: String
    public var version: Int

    enum CodingKeys: String, CodingKey {
        case id, institutionId = "institution_id", occurredOn = "occurred_on", category, subcategory
        case weightKg = "weight_kg", weighed, stage, hauler, destination, disposal, manifestNo = "manifest_no", note
        case createdAt = "created_at", updatedAt = "updated_at", version
    }

    /// The entry a peer "stores" for a POST: the input, an id, now, version 1.
    public init(id: Int, institutionId: Int, input: LedgerEntryInput, now: String) {
        self.id = id
        self.institutionId = institutionId
        occurredOn = input.occurredOn
        category = input.category
        subcategory = input.subcategory
        weightKg = input.weightKg
        weighed = input.weighed ?? true
        stage = input.stage
        hauler = input.hauler
        destination = input.destination
        disposal = input.disposal
        manifestNo = input.manifestNo
        note = input.note
        createdAt = now
        updatedAt = now
        version = 1
    }

    /// Written by hand only so that nil members become `null` instead of disappearing.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(institutionId, forKey: .institutionId)
        try container.encode(occurredOn, forKey: .occurredOn)
        try container.encode(category, forKey: .category)
        try container.encode(subcategory, forKey: .subcategory)
        try container.encode(weightKg, forKey: .weightKg)
        try container.encode(weighed, forKey: .weighed)
        try container.encode(stage, forKey: .stage)
        try container.encode(hauler, forKey: .hauler)
        try container.encode(destination, forKey: .destination)
        try container.encode(disposal, forKey: .disposal)
        try container.encode(manifestNo, forKey: .manifestNo)
        try container.encode(note, forKey: .note)
        try container.encode(createdAt, forKey: .createdAt)
        try container.encode(updatedAt, forKey: .updatedAt)
        try container.encode(version, forKey: .version)
    }
}

/// A page of ledger entries, `{items, next_cursor}` as wastesort's `Page.body` writes it.
public struct LedgerEntryPage: Codable, Sendable {
    public var items: [LedgerEntry]
    public var nextCursor: String?

    enum CodingKeys: String, CodingKey {
        case items, nextCursor = "next_cursor"
    }

    public init(items: [LedgerEntry], nextCursor: String?) {
        self.items = items
        self.nextCursor = nextCursor
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(items, forKey: .items)
        try container.encode(nextCursor, forKey: .nextCursor)
    }
}
