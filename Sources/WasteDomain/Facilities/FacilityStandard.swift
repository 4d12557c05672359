import JSON

/// The facility configuration standard (投放设施配置标准): a version number and its rules.
///
/// The document form is `{"rules": [{"code": …, "enabled": …, <parameters>}, …]}`. The district
/// switches rules off and changes their numbers; the codes and what they check are fixed.
public struct FacilityStandard: Sendable {
    public var version: Int64
    /// Every known rule, in ``ruleTypes`` order.
    public var rules: [any FacilityRule]

    /// The rules the system knows, in the order documents and results list them.
    public static let ruleTypes: [any FacilityRule.Type] = [
        HazardousPointRule.self, OfficePointBinsRule.self, CanteenPointBinsRule.self, BinSetsPerHeadcountRule.self,
        OfficePointsPerFloorRule.self, StorageRoomRule.self, SignageRule.self, HaulerContractsRule.self,
    ]

    public static var ruleCodes: [String] { ruleTypes.map { $0.code } }

    /// The default standard (docs/API.md): every rule enabled with its default numbers.
    public init(version: Int64 = 1) {
        self.version = version
        rules = Self.ruleTypes.map { $0.init() }
    }

    /// The rule with this code (always present: a document lists a rule or it is switched off).
    public func rule(_ code: String) -> (any FacilityRule)? { rules.first { $0.code == code } }

    /// Replaces the rule of the same code.
    public mutating func set(_ rule: any FacilityRule) {
        if let index = rules.firstIndex(where: { $0.code == rule.code }) { rules[index] = rule }
    }
}

extension FacilityStandard {
    /// The `rules` array of the document.
    public var rulesJSON: JSONValue {
        .array(rules.map { rule in
            .object(JSONObject([("code", .string(rule.code)), ("enabled", .bool(rule.enabled))] + rule.parameters))
        })
    }

    /// Reads a document's `rules` member (required). Rules left out are switched off, with their
    /// default numbers; unknown codes, repeated codes and unknown parameters are errors.
    public static func read(_ reader: inout JSONFieldReader, version: Int64) -> FacilityStandard? {
        var seen: Set<String> = []
        let listed = reader.array("rules", required: true, maxCount: ruleTypes.count) { element -> (any FacilityRule)? in
            readRule(&element, seen: &seen)
        }
        guard let listed else { return nil }
        var standard = FacilityStandard(version: version)
        for index in standard.rules.indices where !seen.contains(standard.rules[index].code) {
            standard.rules[index].enabled = false
        }
        for rule in listed { standard.set(rule) }
        return standard
    }

    private static func readRule(_ element: inout JSONElementReader, seen: inout Set<String>) -> (any FacilityRule)? {
        let type = element.value["code"]?.stringValue.flatMap { code in ruleTypes.first { $0.code == code } }
        // With an unknown code, only the code is reported (its parameters cannot be judged).
        let keys = type.map { ["code", "enabled"] + $0.parameterKeys } ?? element.value.objectValue?.keys ?? []
        return element.object(allowedKeys: keys) { reader -> (any FacilityRule)? in
            guard let code = reader.enumValue("code", allowed: ruleCodes, required: true), let type else { return nil }
            guard seen.insert(code).inserted else {
                reader.addError("code", code: FieldError.Code.invalidValue, message: "lists rule \(code) twice")
                return nil
            }
            var rule = type.init()
            if let enabled = reader.bool("enabled") { rule.enabled = enabled }
            rule.readParameters(&reader)
            return rule
        }
    }
}
