import JSON

/// Every category in force has a hauler contract (收运处置协议) valid on the day.
public struct HaulerContractsRule: FacilityRule {
    public static let code = "hauler_contracts"
    public static let parameterKeys: [String] = []
    public var enabled = true

    public init() {}

    public mutating func readParameters(_ reader: inout JSONFieldReader) {}
    public var parameters: [(String, JSONValue)] { [] }

    public func evaluate(_ facts: FacilityFacts) -> [FacilityShortfall]? {
        guard enabled, !facts.categoriesInForce.isEmpty else { return nil }
        return facts.categoriesInForce.compactMap { category in
            let contracts = facts.contracts.filter { $0.category == category }
            guard !contracts.contains(where: { $0.isValid(on: facts.asOf) }) else { return nil }
            return FacilityShortfall(rule: Self.code, message: message(category, contracts, facts.asOf),
                                     messageZh: "\(facts.asOf)无有效的\(category.chineseName)收运处置协议",
                                     missing: .init(category: category, kind: "contract", count: 1))
        }
    }

    private func message(_ category: WasteCategory, _ contracts: [HaulerContract], _ day: CalendarDate) -> String {
        let base = "no \(category.rawValue) hauler contract valid on \(day)"
        if let lapsed = contracts.filter({ $0.validTo < day }).max(by: { $0.validTo < $1.validTo }) {
            return base + " (the contract with \(lapsed.hauler) ended on \(lapsed.validTo))"
        }
        if let coming = contracts.filter({ $0.validFrom > day }).min(by: { $0.validFrom < $1.validFrom }) {
            return base + " (the contract with \(coming.hauler) starts on \(coming.validFrom))"
        }
        return base
    }
}
