import JSON

/// Every institution has a collection point with a hazardous-waste bin (有害垃圾投放点).
public struct HazardousPointRule: FacilityRule {
    public static let code = "hazardous_point"
    public static let parameterKeys: [String] = []
    public var enabled = true

    public init() {}

    public mutating func readParameters(_ reader: inout JSONFieldReader) {}
    public var parameters: [(String, JSONValue)] { [] }

    public func evaluate(_ facts: FacilityFacts) -> [FacilityShortfall]? {
        guard enabled, facts.isInForce(.hazardous) else { return nil }
        if facts.points.contains(where: { $0.binCount(.hazardous) > 0 }) { return [] }
        return [FacilityShortfall(rule: Self.code, message: "no collection point has a hazardous bin",
                                  missing: .init(category: .hazardous, count: 1))]
    }
}
