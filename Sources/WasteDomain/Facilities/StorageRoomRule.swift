import JSON

/// Institutions with a canteen, or with at least `headcount_threshold` staff (default 100), have a
/// storage room (暂存间) that keeps every category in force apart; optionally sealed and ventilated.
public struct StorageRoomRule: FacilityRule {
    public static let code = "storage_room"
    public static let parameterKeys = ["headcount_threshold", "when_canteen", "require_sealed", "require_ventilated"]
    public var enabled = true
    public var headcountThreshold = 100
    public var whenCanteen = true
    public var requireSealed = false
    public var requireVentilated = false

    public init() {}

    public mutating func readParameters(_ reader: inout JSONFieldReader) {
        if let threshold = reader.int("headcount_threshold", min: 0, max: 1_000_000) { headcountThreshold = threshold }
        if let flag = reader.bool("when_canteen") { whenCanteen = flag }
        if let flag = reader.bool("require_sealed") { requireSealed = flag }
        if let flag = reader.bool("require_ventilated") { requireVentilated = flag }
    }

    public var parameters: [(String, JSONValue)] {
        [("headcount_threshold", .number(JSONNumber(headcountThreshold))), ("when_canteen", .bool(whenCanteen)),
         ("require_sealed", .bool(requireSealed)), ("require_ventilated", .bool(requireVentilated))]
    }

    public func applies(to institution: FacilityInstitution) -> Bool {
        (whenCanteen && institution.hasCanteen) || institution.headcount >= headcountThreshold
    }

    public func evaluate(_ facts: FacilityFacts) -> [FacilityShortfall]? {
        guard enabled, !facts.categoriesInForce.isEmpty, applies(to: facts.institution) else { return nil }
        guard !facts.rooms.isEmpty else {
            let reason = facts.institution.hasCanteen && whenCanteen
                ? "the institution has a canteen" : "\(facts.institution.headcount) staff ≥ \(headcountThreshold)"
            let reasonZh = facts.institution.hasCanteen && whenCanteen ? "单位设有食堂" : "职工\(facts.institution.headcount)人"
            return [FacilityShortfall(rule: Self.code, message: "no storage room (required: \(reason))",
                                      messageZh: "未设置垃圾暂存间（\(reasonZh)，应设置）",
                                      missing: .init(categories: facts.categoriesInForce, kind: "storage_room", count: 1))]
        }
        let lacks = facts.rooms.map { room in (room, deficits(of: room, facts)) }
        if lacks.contains(where: { $0.1.categories.isEmpty && $0.1.features.isEmpty }) { return [] }
        // The room closest to the standard says best what is left to do.
        guard let (room, deficit) = lacks.min(by: { $0.1.size < $1.1.size }) else { return [] }
        var parts: [String] = []
        if !deficit.categories.isEmpty {
            parts.append("\(deficit.categories.map(\.rawValue).joined(separator: ", ")) not kept apart")
        }
        if !deficit.features.isEmpty { parts.append("not \(deficit.features.joined(separator: " or "))") }
        var partsZh: [String] = []
        if !deficit.categories.isEmpty { partsZh.append("\(ShortfallWordsZh.categories(deficit.categories))未分开存放") }
        if deficit.features.contains("sealed") { partsZh.append("未密闭") }
        if deficit.features.contains("ventilated") { partsZh.append("未通风") }
        return [FacilityShortfall(rule: Self.code, message: "\(room.label): \(parts.joined(separator: "; "))",
                                  messageZh: "\(ShortfallWordsZh.place(room))\(partsZh.joined(separator: "，"))",
                                  missing: .init(categories: deficit.categories.isEmpty ? nil : deficit.categories,
                                                 kind: "storage_room", features: deficit.features.isEmpty ? nil : deficit.features,
                                                 storageRoomID: room.id))]
    }

    private struct Deficit {
        var categories: [WasteCategory]
        var features: [String]
        var size: Int { categories.count + features.count }
    }

    private func deficits(of room: StorageRoom, _ facts: FacilityFacts) -> Deficit {
        var features: [String] = []
        if requireSealed && !room.sealed { features.append("sealed") }
        if requireVentilated && !room.ventilated { features.append("ventilated") }
        return Deficit(categories: facts.categoriesInForce.filter { !room.categories.contains($0) }, features: features)
    }
}
