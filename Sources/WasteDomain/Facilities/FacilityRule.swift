import JSON

/// One rule of the configuration standard (配置标准). Rules are data: the district may switch
/// a rule off or change its numbers, but the logic of each code is fixed here.
///
/// A rule's applicability depends only on the standard, the categories in force and the
/// institution's profile (headcount, floors, canteen), never on its inventory: an institution
/// must not score better by recording less.
public protocol FacilityRule: Sendable {
    /// The rule's code in documents and shortfalls, e.g. `hazardous_point`.
    static var code: String { get }
    /// Names of the rule's parameters in the JSON document (besides `code` and `enabled`).
    static var parameterKeys: [String] { get }
    /// The rule with its default parameters, enabled.
    init()

    var enabled: Bool { get set }
    /// Reads the parameters present over the current values; errors land in `reader`.
    mutating func readParameters(_ reader: inout JSONFieldReader)
    /// The parameters as JSON members, in a stable order.
    var parameters: [(String, JSONValue)] { get }
    /// Nil when the rule does not apply to this institution; otherwise its shortfalls (none: met).
    func evaluate(_ facts: FacilityFacts) -> [FacilityShortfall]?
}

extension FacilityRule {
    public var code: String { Self.code }
}

/// Everything a rule looks at, already reduced to the facilities existing on `asOf`.
public struct FacilityFacts: Sendable {
    public let institution: FacilityInstitution
    public let points: [CollectionPoint]
    public let rooms: [StorageRoom]
    public let contracts: [HaulerContract]
    /// In the standard's order (recyclable, hazardous, food, residual).
    public let categoriesInForce: [WasteCategory]
    public let asOf: CalendarDate

    public init(institution: FacilityInstitution, points: [CollectionPoint], rooms: [StorageRoom],
                contracts: [HaulerContract], categoriesInForce: [WasteCategory], asOf: CalendarDate) {
        self.institution = institution
        self.points = points.filter { $0.lifespan.exists(at: asOf) }
        self.rooms = rooms.filter { $0.lifespan.exists(at: asOf) }
        self.contracts = contracts.filter { $0.lifespan.exists(at: asOf) }
        // Callers judging thousands of institutions pass the same, already ordered list.
        let ordered = zip(categoriesInForce, categoriesInForce.dropFirst()).allSatisfy { $0 < $1 }
        self.categoriesInForce = ordered ? categoriesInForce : Set(categoriesInForce).sorted()
        self.asOf = asOf
    }

    public func isInForce(_ category: WasteCategory) -> Bool { categoriesInForce.contains(category) }

    /// `categories` less those not in force, in the standard's order.
    public func inForce(_ categories: [WasteCategory]) -> [WasteCategory] {
        categoriesInForce.filter(categories.contains)
    }

    public func points(of kind: CollectionPointKind) -> [CollectionPoint] { points.filter { $0.kind == kind } }
}

/// Reads a rule's list of categories (codes, Chinese names or aliases).
enum RuleCategories {
    static func read(_ reader: inout JSONFieldReader, _ key: String) -> [WasteCategory]? {
        guard let categories = reader.array(key, maxCount: 4, { element -> WasteCategory? in
            guard let text = element.string(), let category = CategoryNames.resolve(text) else {
                if element.isValid {
                    element.addError(code: FieldError.Code.invalidValue, message: "must be one of recyclable, hazardous, food, residual")
                }
                return nil
            }
            return category
        }) else { return nil }
        guard Set(categories).count == categories.count else {
            reader.addError(key, code: FieldError.Code.invalidValue, message: "lists a category twice")
            return nil
        }
        return categories.sorted()
    }

    static func json(_ categories: [WasteCategory]) -> JSONValue {
        .array(categories.map { .string($0.rawValue) })
    }
}
