import JSON

/// Every collection point and storage room has correct signage (标识规范).
public struct SignageRule: FacilityRule {
    public static let code = "signage"
    public static let parameterKeys: [String] = []
    public var enabled = true

    public init() {}

    public mutating func readParameters(_ reader: inout JSONFieldReader) {}
    public var parameters: [(String, JSONValue)] { [] }

    public func evaluate(_ facts: FacilityFacts) -> [FacilityShortfall]? {
        guard enabled else { return nil }
        // with nothing to carry signage there is no correct signage either
        guard !facts.points.isEmpty || !facts.rooms.isEmpty else {
            return [FacilityShortfall(rule: Self.code, message: "no collection point, so no signage",
                                      messageZh: "未设置任何收集点，无分类标识", missing: .init(features: ["signage"]))]
        }
        let points = facts.points.filter { !$0.signageOK }.map { point in
            FacilityShortfall(rule: Self.code, message: "\(point.label): signage missing or incorrect",
                              messageZh: "\(ShortfallWordsZh.place(point))分类标识缺失或不规范",
                              missing: .init(features: ["signage"], collectionPointID: point.id))
        }
        let rooms = facts.rooms.filter { !$0.signageOK }.map { room in
            FacilityShortfall(rule: Self.code, message: "\(room.label): signage missing or incorrect",
                              messageZh: "\(ShortfallWordsZh.place(room))分类标识缺失或不规范",
                              missing: .init(features: ["signage"], storageRoomID: room.id))
        }
        return points + rooms
    }
}
