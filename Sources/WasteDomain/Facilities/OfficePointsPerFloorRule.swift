import JSON

/// At least `points_per_floor` office-floor collection points per floor of the building (default 1).
public struct OfficePointsPerFloorRule: FacilityRule {
    public static let code = "office_points_per_floor"
    public static let parameterKeys = ["points_per_floor"]
    public var enabled = true
    public var pointsPerFloor = 1

    public init() {}

    public mutating func readParameters(_ reader: inout JSONFieldReader) {
        if let points = reader.int("points_per_floor", min: 1, max: 100) { pointsPerFloor = points }
    }

    public var parameters: [(String, JSONValue)] { [("points_per_floor", .number(JSONNumber(pointsPerFloor)))] }

    public func evaluate(_ facts: FacilityFacts) -> [FacilityShortfall]? {
        let floors = facts.institution.floors
        guard enabled, floors > 0 else { return nil }
        let points = facts.points(of: .officeFloor)
        let needed = floors * pointsPerFloor
        guard points.count < needed else { return [] }
        let covered = Set(points.compactMap(\.floor))
        let bare = (1...floors).filter { !covered.contains($0) }
        var message = "\(points.count) office-floor collection point(s) for \(floors) floor(s); \(needed) needed"
        if !bare.isEmpty, bare.count <= 50 {
            message += " (none recorded on floor \(bare.map(String.init).joined(separator: ", ")))"
        }
        var messageZh = "办公楼层收集点\(points.count)个，\(floors)层楼应设\(needed)个"
        if !bare.isEmpty, bare.count <= 50 { messageZh += "（\(bare.map { "\($0)楼" }.joined(separator: "、"))未设置）" }
        return [FacilityShortfall(rule: Self.code, message: message, messageZh: messageZh,
                                  missing: .init(kind: CollectionPointKind.officeFloor.rawValue, count: needed - points.count,
                                                 floors: bare.isEmpty || bare.count > 50 ? nil : bare))]
    }
}
