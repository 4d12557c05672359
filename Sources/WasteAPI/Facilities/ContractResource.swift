import JSON
import Storage
import WasteDomain

/// A hauler contract (收运处置协议) for one category, valid from one day to another inclusive.
struct ContractFields: Sendable, Equatable {
    var category = WasteCategory.residual
    var hauler = ""
    var licenceNo = ""
    var validFrom = CalendarDate(year: 2000, month: 1, day: 1)!
    var validTo = CalendarDate(year: 2000, month: 1, day: 1)!
}

enum ContractResource: FacilityResource {
    static let table = "hauler_contracts"
    static let entity = "hauler_contract"
    static let segment = "contracts"
    static let schema = "Contract"
    static let noun = "hauler contract"
    static let dataColumns = ["category", "hauler", "licence_no", "valid_from", "valid_to"]
    static let inputKeys = ["category", "hauler", "licence_no", "valid_from", "valid_to"]

    static func read(_ reader: inout JSONFieldReader, over base: ContractFields?, settings: DistrictSettings) -> ContractFields? {
        let creating = base == nil
        let category = readCategory(&reader, required: creating, settings: settings)
        let hauler = reader.string("hauler", required: creating, minLength: 1, maxLength: 200)
        let licence = reader.string("licence_no", required: creating, minLength: 1, maxLength: 100)
        let from = reader.date("valid_from", required: creating)
        let to = reader.date("valid_to", required: creating)
        if !creating { reader.refuseNull(inputKeys) }
        var fields = base ?? ContractFields()
        if let category { fields.category = category }
        if let hauler { fields.hauler = hauler }
        if let licence { fields.licenceNo = licence }
        if let from { fields.validFrom = from }
        if let to { fields.validTo = to }
        let datesKnown = (from != nil || reader.presence("valid_from") == .absent && !creating)
            && (to != nil || reader.presence("valid_to") == .absent && !creating)
        if datesKnown, fields.validTo < fields.validFrom {
            reader.addError("valid_to", code: FieldError.Code.outOfRange, message: "must not be before valid_from (\(fields.validFrom))")
        }
        return reader.isValid ? fields : nil
    }

    private static func readCategory(_ reader: inout JSONFieldReader, required: Bool, settings: DistrictSettings) -> WasteCategory? {
        guard let text = reader.string("category", required: required) else { return nil }
        var element = JSONElementReader(.string(text), path: reader.path(of: "category"))
        let category = FacilityCategories.resolve(text, settings: settings, &element)
        reader.append(contentsOf: element.errors)
        return category
    }

    static func fields(_ row: Row) throws -> ContractFields {
        ContractFields(category: WasteCategory(rawValue: try row.string("category")) ?? .residual,
                       hauler: try row.string("hauler"), licenceNo: try row.string("licence_no"),
                       validFrom: CalendarDate(parsing: try row.string("valid_from")) ?? ContractFields().validFrom,
                       validTo: CalendarDate(parsing: try row.string("valid_to")) ?? ContractFields().validTo)
    }

    static func values(_ fields: ContractFields) -> [any SQLValueConvertible] {
        [fields.category.rawValue, fields.hauler, fields.licenceNo, fields.validFrom.description, fields.validTo.description]
    }

    static func json(_ fields: ContractFields) -> [(String, JSONValue)] {
        [("category", .string(fields.category.rawValue)), ("hauler", .string(fields.hauler)),
         ("licence_no", .string(fields.licenceNo)), ("valid_from", .string(fields.validFrom.description)),
         ("valid_to", .string(fields.validTo.description))]
    }
}
