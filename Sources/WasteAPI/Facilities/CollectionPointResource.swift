import JSON
import Storage
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
}

enum CollectionPointResource: FacilityResource {
    static let table = "collection_points"
    static let entity = "collection_point"
    static let segment = "collection-points"
    static let schema = "CollectionPoint"
    static let noun = "collection point"
    static let dataColumns = ["location", "kind", "floor", "bins", "signage_ok", "note"]
    static let inputKeys = ["location", "kind", "floor", "bins", "signage_ok", "note"]
    static let maxBinCount = 1000
    static let maxCapacityLitres = 5000

    static func read(_ reader: inout JSONFieldReader, over base: CollectionPointFields?, settings: DistrictSettings) -> CollectionPointFields? {
        let creating = base == nil
        let location = reader.string("location", required: creating, minLength: 1, maxLength: 200)
        let kind = reader.enumValue("kind", as: CollectionPointKind.self, required: creating)
        let floor = reader.int("floor", min: -10, max: 300)
        let bins = readBins(&reader, settings: settings)
        let signage = reader.bool("signage_ok")
        let note = reader.string("note", maxLength: 1000)
        if !creating { reader.refuseNull(["location", "kind", "bins", "signage_ok"]) }
        guard reader.isValid else { return nil }
        var fields = base ?? CollectionPointFields()
        if let location { fields.location = location }
        if let kind { fields.kind = kind }
        if reader.has("floor") { fields.floor = floor }
        if let bins { fields.bins = bins }
        if let signage { fields.signageOK = signage }
        if reader.has("note") { fields.note = note }
        return fields
    }

    /// `{category: {count, capacity_l}}` with category codes, Chinese names or aliases as keys.
    private static func readBins(_ reader: inout JSONFieldReader, settings: DistrictSettings) -> [WasteCategory: BinSpec]? {
        guard let pairs = reader.map("bins", { key, element -> (WasteCategory, BinSpec)? in
            let category = FacilityCategories.resolve(key, settings: settings, &element)
            let spec = element.object(allowedKeys: ["count", "capacity_l"]) { bin -> BinSpec? in
                let count = bin.int("count", required: true, min: 0, max: maxBinCount)
                let capacity = bin.int("capacity_l", min: 1, max: maxCapacityLitres)
                return count.map { BinSpec(count: $0, capacityLitres: capacity) }
            }
            guard let category, let spec else { return nil }
            return (category, spec)
        }) else { return nil }
        let bins = Dictionary(pairs.map(\.value), uniquingKeysWith: { first, _ in first })
        guard bins.count == pairs.count else {
            reader.addError("bins", code: FieldError.Code.invalidValue, message: "names a category twice (e.g. 厨余 and food)")
            return nil
        }
        return bins
    }

    static func fields(_ row: Row) throws -> CollectionPointFields {
        CollectionPointFields(location: try row.string("location"),
                              kind: CollectionPointKind(rawValue: try row.string("kind")) ?? .other,
                              floor: try row.optionalInt("floor"), bins: BinsColumn.parse(try row.string("bins")),
                              signageOK: try row.bool("signage_ok"), note: try row.optionalString("note"))
    }

    static func values(_ fields: CollectionPointFields) -> [any SQLValueConvertible] {
        [fields.location, fields.kind.rawValue, fields.floor, BinsColumn.json(fields.bins).serializedString(),
         fields.signageOK, fields.note]
    }

    static func json(_ fields: CollectionPointFields) -> [(String, JSONValue)] {
        [("location", .string(fields.location)), ("kind", .string(fields.kind.rawValue)),
         ("floor", fields.floor.map { .number(JSONNumber($0)) } ?? .null), ("bins", BinsColumn.json(fields.bins)),
         ("signage_ok", .bool(fields.signageOK)), ("note", fields.note.map(JSONValue.string) ?? .null)]
    }
}

/// The `bins` column and member: `{"recyclable": {"count": 2, "capacity_l": 240}}`, in category order.
enum BinsColumn {
    static func json(_ bins: [WasteCategory: BinSpec]) -> JSONValue {
        .object(JSONObject(bins.sorted { $0.key < $1.key }.map { category, spec in
            (category.rawValue, .object(JSONObject([
                ("count", .number(JSONNumber(spec.count))),
                ("capacity_l", spec.capacityLitres.map { .number(JSONNumber($0)) } ?? .null),
            ])))
        }))
    }

    static func parse(_ text: String) -> [WasteCategory: BinSpec] {
        guard case .object(let object)? = try? JSONValue.parse(text) else { return [:] }
        var bins: [WasteCategory: BinSpec] = [:]
        for (key, value) in object {
            guard let category = WasteCategory(rawValue: key), let count = value["count"]?.numberValue?.int64 else { continue }
            bins[category] = BinSpec(count: Int(count), capacityLitres: value["capacity_l"]?.numberValue?.int64.map { Int($0) })
        }
        return bins
    }
}
