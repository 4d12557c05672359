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
                                  messageZh: facts.points.isEmpty ? "未设置任何收集点，缺少有害垃圾收集容器" : "所有收集点均未配置有害垃圾收集容器",
                                  missing: .init(category: .hazardous, count: 1))]
    }
}
