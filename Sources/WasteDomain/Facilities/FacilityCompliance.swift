import CalendarDates

/// How one rule came out for one institution.
public struct RuleResult: Sendable, Equatable {
    public var code: String
    public var applicable: Bool
    public var met: Bool
}

/// An institution's compliance with the facility standard on a day.
public struct ComplianceResult: Sendable, Equatable {
    public var institutionID: Int64
    public var asOf: CalendarDate
    public var standardVersion: Int64
    public var rules: [RuleResult]
    public var shortfalls: [FacilityShortfall]

    public var compliant: Bool { shortfalls.isEmpty }

    /// Share of applicable rules met, 0–100, in tenths (one decimal: 857 is 85.7); 100 when no
    /// rule applies. Kept as an integer so sums and ties in rankings are exact.
    public var scoreTenths: Int {
        let applicable = rules.filter(\.applicable)
        guard !applicable.isEmpty else { return 1000 }
        let met = applicable.filter(\.met).count
        return (met * 2000 + applicable.count) / (applicable.count * 2)  // rounded half up
    }

    public var score: Double { Double(scoreTenths) / 10 }

    /// Whether a rule with this code applied and was not met.
    public func fails(_ code: String) -> Bool { rules.contains { $0.code == code && $0.applicable && !$0.met } }
}

/// Evaluates institutions against the facility standard. Pure: rankings, notices and the
/// overview call it for thousands of institutions over data loaded in a few queries.
public enum FacilityCompliance {
    /// Compliance at the end of `asOf`: only facilities existing then count, only contracts valid
    /// then, and only categories in force; disabled rules do not apply.
    public static func evaluate(institution: FacilityInstitution, points: [CollectionPoint], rooms: [StorageRoom],
                                contracts: [HaulerContract], standard: FacilityStandard,
                                categoriesInForce: [WasteCategory], asOf: CalendarDate) -> ComplianceResult {
        let facts = FacilityFacts(institution: institution, points: points, rooms: rooms, contracts: contracts,
                                  categoriesInForce: categoriesInForce, asOf: asOf)
        var results: [RuleResult] = []
        var shortfalls: [FacilityShortfall] = []
        for rule in standard.rules {
            guard let found = rule.evaluate(facts) else {
                results.append(RuleResult(code: rule.code, applicable: false, met: false))
                continue
            }
            results.append(RuleResult(code: rule.code, applicable: true, met: found.isEmpty))
            shortfalls += found
        }
        return ComplianceResult(institutionID: institution.id, asOf: asOf, standardVersion: standard.version,
                                rules: results, shortfalls: shortfalls)
    }
}
