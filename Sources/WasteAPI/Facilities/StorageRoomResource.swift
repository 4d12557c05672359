import JSON
import Storage
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
}

enum StorageRoomResource: FacilityResource {
    static let table = "storage_rooms"
    static let entity = "storage_room"
    static let segment = "storage-rooms"
    static let schema = "StorageRoom"
    static let noun = "storage room"
    static let dataColumns = ["location", "area_centi_m2", "categories", "sealed", "ventilated", "signage_ok"]
    static let inputKeys = ["location", "area_m2", "categories", "sealed", "ventilated", "signage_ok"]

    static func read(_ reader: inout JSONFieldReader, over base: StorageRoomFields?, settings: DistrictSettings) -> StorageRoomFields? {
        let creating = base == nil
        let location = reader.string("location", required: creating, minLength: 1, maxLength: 200)
        let area = reader.scaled("area_m2", decimals: 2, min: 1, max: 100_000_00)
        let categories = readCategories(&reader, settings: settings)
        let sealed = reader.bool("sealed")
        let ventilated = reader.bool("ventilated")
        let signage = reader.bool("signage_ok")
        if !creating { reader.refuseNull(["location", "categories", "sealed", "ventilated", "signage_ok"]) }
        guard reader.isValid else { return nil }
        var fields = base ?? StorageRoomFields()
        if let location { fields.location = location }
        if reader.has("area_m2") { fields.areaCentiM2 = area }
        if let categories { fields.categories = categories }
        if let sealed { fields.sealed = sealed }
        if let ventilated { fields.ventilated = ventilated }
        if let signage { fields.signageOK = signage }
        return fields
    }

    private static func readCategories(_ reader: inout JSONFieldReader, settings: DistrictSettings) -> [WasteCategory]? {
        guard let categories = reader.array("categories", maxCount: 4, { element -> WasteCategory? in
            guard let text = element.string() else { return nil }
            return FacilityCategories.resolve(text, settings: settings, &element)
        }) else { return nil }
        guard Set(categories).count == categories.count else {
            reader.addError("categories", code: FieldError.Code.invalidValue, message: "lists a category twice")
            return nil
        }
        return categories.sorted()
    }

    static func fields(_ row: Row) throws -> StorageRoomFields {
        StorageRoomFields(location: try row.string("location"), areaCentiM2: try row.optionalInt64("area_centi_m2"),
                          categories: FacilityCategories.parse(try row.string("categories")), sealed: try row.bool("sealed"),
                          ventilated: try row.bool("ventilated"), signageOK: try row.bool("signage_ok"))
    }

    static func values(_ fields: StorageRoomFields) -> [any SQLValueConvertible] {
        [fields.location, fields.areaCentiM2, FacilityCategories.json(fields.categories).serializedString(),
         fields.sealed, fields.ventilated, fields.signageOK]
    }

    static func json(_ fields: StorageRoomFields) -> [(String, JSONValue)] {
        [("location", .string(fields.location)),
         ("area_m2", fields.areaCentiM2.map { .number(JSONNumber(scaled: $0, decimals: 2)) } ?? .null),
         ("categories", FacilityCategories.json(fields.categories)), ("sealed", .bool(fields.sealed)),
         ("ventilated", .bool(fields.ventilated)), ("signage_ok", .bool(fields.signageOK))]
    }
}
