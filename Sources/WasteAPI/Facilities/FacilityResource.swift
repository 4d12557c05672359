import JSON
import Storage
import WasteDomain

/// A kind of facility record stored per institution (collection point, storage room, hauler
/// contract): what differs between them. ``FacilityStore`` and ``FacilityCRUDRoutes`` do the rest
/// the same way for all three, so access, versions, audit and soft delete cannot drift apart.
protocol FacilityResource: Sendable {
    associatedtype Fields: Sendable
    /// The SQL table.
    static var table: String { get }
    /// The audit entity (`collection_point`).
    static var entity: String { get }
    /// The URL segment (`collection-points`).
    static var segment: String { get }
    /// The OpenAPI schema name (`CollectionPoint`; `…Input`, `…Patch` and `…List` follow from it).
    static var schema: String { get }
    /// For route summaries (`collection point`).
    static var noun: String { get }
    /// The resource's own columns, in the order of ``values(_:)``.
    static var dataColumns: [String] { get }
    /// The JSON members a body may carry.
    static var inputKeys: [String] { get }

    /// Reads a body over `base` (nil: creating, so required members must be present). Errors,
    /// including categories not in force, land in `reader`; nil unless the whole body is valid.
    static func read(_ reader: inout JSONFieldReader, over base: Fields?, settings: DistrictSettings) -> Fields?
    static func fields(_ row: Row) throws -> Fields
    static func values(_ fields: Fields) -> [any SQLValueConvertible]
    static func json(_ fields: Fields) -> [(String, JSONValue)]
}

/// One stored facility record with its bookkeeping columns.
struct FacilityRecord<R: FacilityResource>: Sendable {
    let id: Int64
    let institutionID: Int64
    let fields: R.Fields
    let createdAt: String
    let updatedAt: String
    let version: Int64

    init(row: Row) throws {
        id = try row.int64("id")
        institutionID = try row.int64("institution_id")
        fields = try R.fields(row)
        createdAt = try row.string("created_at")
        updatedAt = try row.string("updated_at")
        version = try row.int64("version")
    }

    var etag: String { Conditional.etag(version: version) }

    var json: JSONValue {
        .object(JSONObject([("id", .number(JSONNumber(id))), ("institution_id", .number(JSONNumber(institutionID)))]
            + R.json(fields)
            + [("created_at", .string(createdAt)), ("updated_at", .string(updatedAt)), ("version", .number(JSONNumber(version)))]))
    }
}

extension JSONFieldReader {
    /// PATCH: members that may be left out but not cleared.
    mutating func refuseNull(_ keys: [String]) {
        for key in keys where isNull(key) {
            addError(key, code: FieldError.Code.required, message: "must not be null")
        }
    }
}

/// Category names in bodies: codes, Chinese names and aliases, refused when not in force.
enum FacilityCategories {
    static let notInForce = "not_in_force"

    static func resolve(_ text: String, settings: DistrictSettings, _ element: inout JSONElementReader) -> WasteCategory? {
        guard let category = CategoryNames.resolve(text) else {
            element.addError(code: FieldError.Code.invalidValue, message: "is not a waste category (use recyclable, hazardous, food or residual)")
            return nil
        }
        guard settings.isInForce(category) else {
            element.addError(code: notInForce, message: "\(category.rawValue) (\(category.chineseName)) is not in force in this district")
            return nil
        }
        return category
    }

    static func parse(_ text: String) -> [WasteCategory] {
        guard case .array(let items)? = try? JSONValue.parse(text) else { return [] }
        return items.compactMap { $0.stringValue.flatMap(WasteCategory.init(rawValue:)) }
    }

    static func json(_ categories: [WasteCategory]) -> JSONValue { .array(categories.map { .string($0.rawValue) }) }
}
