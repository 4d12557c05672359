/// How Chinese shortfall messages (`message_zh`) name places and categories: what is missing and where.
enum ShortfallWordsZh {
    static func kind(_ kind: CollectionPointKind) -> String {
        switch kind {
        case .officeFloor: "办公楼层收集点"
        case .canteen: "食堂收集点"
        case .entrance: "出入口收集点"
        case .outdoor: "室外收集点"
        case .other: "收集点"
        }
    }

    /// `3楼办公区（办公楼层收集点，3楼）`.
    static func place(_ point: CollectionPoint) -> String {
        "\(point.location)（\(kind(point.kind))\(point.floor.map { "，\($0)楼" } ?? "")）"
    }

    static func place(_ room: StorageRoom) -> String { "\(room.location)（垃圾暂存间）" }

    static func categories(_ categories: [WasteCategory]) -> String {
        categories.map(\.chineseName).joined(separator: "、")
    }
}
