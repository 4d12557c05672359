/// One thing an institution lacks under one rule: which rule, a sentence naming the place and
/// what is missing, and the same in structured form for scripts.
public struct FacilityShortfall: Sendable, Equatable {
    public var rule: String
    public var message: String
    /// The same in Chinese for the office and the units (what is missing, and where).
    public var messageZh: String
    public var missing: Missing

    public init(rule: String, message: String, messageZh: String, missing: Missing) {
        self.rule = rule
        self.message = message
        self.messageZh = messageZh
        self.missing = missing
    }

    /// What is missing; unset members are left out of the JSON.
    public struct Missing: Sendable, Equatable {
        public var category: WasteCategory?
        public var categories: [WasteCategory]?
        /// A kind of place: `office_floor`, `canteen`, `storage_room`, or `contract`.
        public var kind: String?
        public var count: Int?
        /// Floors with no office-floor point.
        public var floors: [Int]?
        /// Properties a place lacks: `signage`, `sealed`, `ventilated`.
        public var features: [String]?
        public var collectionPointID: Int64?
        public var storageRoomID: Int64?

        public init(category: WasteCategory? = nil, categories: [WasteCategory]? = nil, kind: String? = nil,
                    count: Int? = nil, floors: [Int]? = nil, features: [String]? = nil,
                    collectionPointID: Int64? = nil, storageRoomID: Int64? = nil) {
            self.category = category
            self.categories = categories
            self.kind = kind
            self.count = count
            self.floors = floors
            self.features = features
            self.collectionPointID = collectionPointID
            self.storageRoomID = storageRoomID
        }
    }
}
