import JSON
@testable import WasteDomain

/// Small builders for facility rule tests: an institution that meets every default rule, and
/// ways to take one thing away from it.
enum FacilityFixture {
    static let day = CalendarDate(year: 2020, month: 6, day: 30)!
    static let always = Lifespan(createdOn: CalendarDate(year: 2020, month: 1, day: 1)!)
    static let allBins: [WasteCategory: BinSpec] = [.recyclable: BinSpec(count: 1), .hazardous: BinSpec(count: 1),
                                                     .food: BinSpec(count: 1), .residual: BinSpec(count: 1)]

    struct Case {
        var institution = FacilityInstitution(id: 1, headcount: 120, floors: 2, hasCanteen: true)
        var points: [CollectionPoint] = [
            CollectionPoint(id: 1, location: "1楼办公区", kind: .officeFloor, floor: 1, bins: allBins, lifespan: always),
            CollectionPoint(id: 2, location: "2楼办公区", kind: .officeFloor, floor: 2, bins: allBins, lifespan: always),
            CollectionPoint(id: 3, location: "食堂", kind: .canteen, bins: allBins, lifespan: always),
        ]
        var rooms = [StorageRoom(id: 1, location: "一楼暂存间", categories: Set(WasteCategory.allCases), lifespan: always)]
        var contracts = WasteCategory.allCases.enumerated().map { index, category in
            HaulerContract(id: Int64(index + 1), category: category, hauler: "城管环卫", validFrom: CalendarDate(year: 2020, month: 1, day: 1)!,
                           validTo: CalendarDate(year: 2020, month: 12, day: 31)!, lifespan: always)
        }
        var standard = FacilityStandard()
        var inForce = WasteCategory.allCases
        var asOf = day

        func evaluate() -> ComplianceResult {
            FacilityCompliance.evaluate(institution: institution, points: points, rooms: rooms, contracts: contracts,
                                        standard: standard, categoriesInForce: inForce, asOf: asOf)
        }

        /// The rule's outcome: nil when not applicable, else its shortfalls.
        func outcome(_ code: String) -> [FacilityShortfall]? {
            let result = evaluate()
            guard let rule = result.rules.first(where: { $0.code == code }), rule.applicable else { return nil }
            return result.shortfalls.filter { $0.rule == code }
        }

        mutating func disable(_ code: String) {
            guard var rule = standard.rule(code) else { return }
            rule.enabled = false
            standard.set(rule)
        }
    }
}
