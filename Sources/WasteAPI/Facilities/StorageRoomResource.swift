import JSON
import WasteDomain

/// A temporary storage room (垃圾暂存间): where, how big, which categories it keeps apart, and
/// whether it is sealed, ventilated and signed. Flags default to false until someone confirms them.
struct StorageRoomFields: Sendable, Equatable {
    var location = ""
    /// m² × 100, so `12.5` is 1250.
    var areaCentiM2: Int64?
    var categories: [WasteCategory] = []
    var sealed = false
    var ventilated = false
    var signageOK = false

    static let description = ScopedDescription<StorageRoomFields>(
        fields: ResourceDescription(table: "storage_rooms", entity: "storage_room", schema: "StorageRoom",
                                    blank: StorageRoomFields(), fields: [
            .init("location", \.location, .text(minLength: 1, maxLength: 200), zh: "位置", required: true),
            .init("area_m2", \.areaCentiM2, .scaled(decimals: 2, min: 1, max: 100_000_00), zh: "面积（平方米）",
                  column: "area_centi_m2", doc: "At most 2 decimals."),
            .init("categories", \.categories, .categories(maxCount: 4, doc: "Categories the room keeps apart."), zh: "分类存放"),
            .init("sealed", \.sealed, .boolean, zh: "密闭"),
            .init("ventilated", \.ventilated, .boolean, zh: "通风"),
            .init("signage_ok", \.signageOK, .boolean, zh: "标识规范"),
        ]),
        segment: "storage-rooms", noun: "storage room", plural: "storage rooms", tag: "facilities",
        deletion: .keepsHistory, whenArchived: .frozen)
}
