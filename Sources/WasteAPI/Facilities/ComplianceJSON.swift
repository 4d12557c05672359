import JSON
import WasteDomain

/// The JSON form of compliance results.
enum ComplianceJSON {
    static func result(_ result: ComplianceResult, institution: FacilitySnapshot.Institution? = nil) -> JSONValue {
        var members: [(String, JSONValue)] = []
        if let institution {
            members.append(("institution", .object(JSONObject([
                ("id", .number(JSONNumber(institution.profile.id))), ("code", .string(institution.code)),
                ("name", .string(institution.name)),
            ]))))
        }
        members += [
            ("institution_id", .number(JSONNumber(result.institutionID))),
            ("as_of", .string(result.asOf.description)),
            ("standard_version", .number(JSONNumber(result.standardVersion))),
            ("compliant", .bool(result.compliant)),
            ("score", score(result.scoreTenths)),
            ("rules", .array(result.rules.map { rule in
                .object(JSONObject([("code", .string(rule.code)), ("applicable", .bool(rule.applicable)), ("met", .bool(rule.met))]))
            })),
            ("shortfalls", .array(result.shortfalls.map(shortfall))),
        ]
        return .object(JSONObject(members))
    }

    /// A score in tenths as a number with one decimal (`85.7`).
    static func score(_ tenths: Int) -> JSONValue { .number(JSONNumber(scaled: Int64(tenths), decimals: 1)) }

    static func shortfall(_ shortfall: FacilityShortfall) -> JSONValue {
        .object(JSONObject([("rule", .string(shortfall.rule)), ("message", .string(shortfall.message)),
                            ("message_zh", .string(shortfall.messageZh)), ("missing", missing(shortfall.missing))]))
    }

    private static func missing(_ missing: FacilityShortfall.Missing) -> JSONValue {
        var members: [(String, JSONValue)] = []
        if let category = missing.category { members.append(("category", .string(category.rawValue))) }
        if let categories = missing.categories { members.append(("categories", FacilityCategories.json(categories))) }
        if let kind = missing.kind { members.append(("kind", .string(kind))) }
        if let count = missing.count { members.append(("count", .number(JSONNumber(count)))) }
        if let floors = missing.floors { members.append(("floors", .array(floors.map { .number(JSONNumber($0)) }))) }
        if let features = missing.features { members.append(("features", .array(features.map(JSONValue.string)))) }
        if let id = missing.collectionPointID { members.append(("collection_point_id", .number(JSONNumber(id)))) }
        if let id = missing.storageRoomID { members.append(("storage_room_id", .number(JSONNumber(id)))) }
        return .object(JSONObject(members))
    }
}
