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
        let points = facts.points.filter { !$0.signageOK }.map { point in
            FacilityShortfall(rule: Self.code, message: "\(point.label): signage missing or incorrect",
                              missing: .init(features: ["signage"], collectionPointID: point.id))
        }
        let rooms = facts.rooms.filter { !$0.signageOK }.map { room in
            FacilityShortfall(rule: Self.code, message: "\(room.label): signage missing or incorrect",
                              missing: .init(features: ["signage"], storageRoomID: room.id))
        }
        return points + rooms
    }
}
