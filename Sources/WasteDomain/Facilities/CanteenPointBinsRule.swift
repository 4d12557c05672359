import JSON

/// An institution with a canteen has a canteen collection point, and every canteen point has
/// bins of the listed categories (default food waste, 餐厨垃圾).
public struct CanteenPointBinsRule: FacilityRule {
    public static let code = "canteen_point_bins"
    public static let parameterKeys = ["categories"]
    public var enabled = true
    public var categories: [WasteCategory] = [.food]

    public init() {}

    public mutating func readParameters(_ reader: inout JSONFieldReader) {
        if let categories = RuleCategories.read(&reader, "categories") { self.categories = categories }
    }

    public var parameters: [(String, JSONValue)] { [("categories", RuleCategories.json(categories))] }

    public func evaluate(_ facts: FacilityFacts) -> [FacilityShortfall]? {
        let required = facts.inForce(categories)
        guard enabled, facts.institution.hasCanteen, !required.isEmpty else { return nil }
        let points = facts.points(of: .canteen)
        guard !points.isEmpty else {
            return [FacilityShortfall(rule: Self.code, message: "the institution has a canteen but no canteen collection point",
                                      messageZh: "单位设有食堂，但未设置食堂收集点（缺少\(ShortfallWordsZh.categories(required))收集容器）",
                                      missing: .init(categories: required, kind: CollectionPointKind.canteen.rawValue, count: 1))]
        }
        return PointBins.shortfalls(rule: Self.code, points: points, required: required)
    }
}
