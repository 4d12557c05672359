import JSON
import WasteDomain

/// A collection point (投放点) as stored and shown: where it is, what kind, and its bins.
struct CollectionPointFields: Sendable, Equatable {
    var location = ""
    var kind = CollectionPointKind.other
    var floor: Int?
    var bins: [WasteCategory: BinSpec] = [:]
    /// Defaults to false: a sign nobody has confirmed is not counted as correct.
    var signageOK = false
    var note: String?

    static let description = ScopedDescription<CollectionPointFields>(
        fields: ResourceDescription(table: "collection_points", entity: "collection_point", schema: "CollectionPoint",
                                    blank: CollectionPointFields(), fields: [
            .init("location", \.location, .text(minLength: 1, maxLength: 200), zh: "位置", required: true, doc: "e.g. 3楼办公区"),
            .init("kind", \.kind, .enumeration(), zh: "类型", required: true),
            .init("floor", \.floor, .integer(min: -10, max: 300), zh: "楼层"),
            .init("bins", \.bins, .bins(maxCount: 1000, maxCapacityLitres: 5000), zh: "收集容器"),
            .init("signage_ok", \.signageOK, .boolean, zh: "标识规范", doc: "Defaults to false until confirmed."),
            .init("note", \.note, .text(maxLength: 1000), zh: "备注"),
        ], derivedColumns: ["recyclable_bins", "hazardous_bins", "food_bins", "residual_bins"]),
        segment: "collection-points", noun: "collection point", plural: "collection points", tag: "facilities",
        deletion: .keepsHistory, whenArchived: .frozen)
}
