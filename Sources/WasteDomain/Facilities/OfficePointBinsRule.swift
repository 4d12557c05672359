import JSON

/// Every office-floor point has bins of the listed categories (default recyclable and residual).
public struct OfficePointBinsRule: FacilityRule {
    public static let code = "office_point_bins"
    public static let parameterKeys = ["categories"]
    public var enabled = true
    public var categories: [WasteCategory] = [.recyclable, .residual]

    public init() {}

    public mutating func readParameters(_ reader: inout JSONFieldReader) {
        if let categories = RuleCategories.read(&reader, "categories") { self.categories = categories }
    }

    public var parameters: [(String, JSONValue)] { [("categories", RuleCategories.json(categories))] }

    public func evaluate(_ facts: FacilityFacts) -> [FacilityShortfall]? {
        let required = facts.inForce(categories)
        guard enabled, !required.isEmpty else { return nil }
        let points = facts.points(of: .officeFloor)
        // no office-floor point at all is not "every point has its bins": it is the first shortfall
        guard !points.isEmpty else {
            return [FacilityShortfall(rule: Self.code, message: "no office-floor collection point with \(required.map(\.rawValue).joined(separator: " and ")) bins",
                                      messageZh: "未设置办公楼层收集点，缺少\(ShortfallWordsZh.categories(required))收集容器",
                                      missing: .init(categories: required, kind: CollectionPointKind.officeFloor.rawValue, count: 1))]
        }
        return PointBins.shortfalls(rule: Self.code, points: points, required: required)
    }
}

/// The shortfalls of points lacking bins of required categories, one per point and category.
enum PointBins {
    static func shortfalls(rule: String, points: [CollectionPoint], required: [WasteCategory]) -> [FacilityShortfall] {
        points.flatMap { point in
            required.filter { point.binCount($0) == 0 }.map { category in
                FacilityShortfall(rule: rule, message: "\(point.label): no \(category.rawValue) bin",
                                  messageZh: "\(ShortfallWordsZh.place(point))缺少\(category.chineseName)收集容器",
                                  missing: .init(category: category, count: 1, collectionPointID: point.id))
            }
        }
    }
}
