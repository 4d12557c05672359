import JSON
import Storage
import WasteDomain

/// An institution as stored, and as the API shows it.
struct InstitutionRecord: Sendable {
    let id: Int64
    var fields: InstitutionFields
    let createdAt: String
    var updatedAt: String
    var version: Int64

    static let selectColumns = "id, " + InstitutionFields.columns.joined(separator: ", ") + ", created_at, updated_at, version"

    init(id: Int64, fields: InstitutionFields, createdAt: String, updatedAt: String, version: Int64) {
        self.id = id
        self.fields = fields
        self.createdAt = createdAt
        self.updatedAt = updatedAt
        self.version = version
    }

    init(row: Row) throws {
        id = try row.int64("id")
        fields = InstitutionFields(
            code: try row.string("code"),
            name: try row.string("name"),
            kind: InstitutionKind(rawValue: try row.string("kind")) ?? .other,
            parentDepartment: try row.optionalString("parent_department"),
            address: try row.optionalString("address"),
            headcount: try row.int("headcount"),
            floors: try row.int("floors"),
            hasCanteen: try row.bool("has_canteen"),
            buildingAreaCentiM2: try row.optionalInt64("building_area_centi_m2"),
            contactName: try row.optionalString("contact_name"),
            contactPhone: try row.optionalString("contact_phone"),
            workingBodyEstablishedOn: try row.optionalString("working_body_established_on"),
            planSubmittedOn: try row.optionalString("plan_submitted_on"),
            status: InstitutionStatus(rawValue: try row.string("status")) ?? .active)
        createdAt = try row.string("created_at")
        updatedAt = try row.string("updated_at")
        version = try row.int64("version")
    }

    static func find(_ db: Connection, id: Int64) throws -> InstitutionRecord? {
        try db.queryOne("SELECT \(selectColumns) FROM institutions WHERE id = ?", [id]).map(InstitutionRecord.init)
    }

    var etag: String { Conditional.etag(version: version) }

    var json: JSONValue {
        var pairs: [(String, JSONValue)] = [("id", .number(JSONNumber(id)))]
        pairs.append(contentsOf: fields.jsonPairs)
        pairs.append(contentsOf: [
            ("created_at", .string(createdAt)),
            ("updated_at", .string(updatedAt)),
            ("version", .number(JSONNumber(version))),
        ])
        return .object(JSONObject(pairs))
    }
}

extension InstitutionFields {
    /// The values bound to ``columns``, in the same order.
    var sqlValues: [any SQLValueConvertible] {
        [code, name, kind.rawValue, parentDepartment, address, headcount, floors, hasCanteen,
         buildingAreaCentiM2, contactName, contactPhone, workingBodyEstablishedOn, planSubmittedOn, status.rawValue]
    }

    /// The members of the JSON form, in ``names`` order; absent optionals are `null`.
    var jsonPairs: [(String, JSONValue)] {
        func text(_ value: String?) -> JSONValue { value.map(JSONValue.string) ?? .null }
        return [
            ("code", .string(code)),
            ("name", .string(name)),
            ("kind", .string(kind.rawValue)),
            ("parent_department", text(parentDepartment)),
            ("address", text(address)),
            ("headcount", .number(JSONNumber(headcount))),
            ("floors", .number(JSONNumber(floors))),
            ("has_canteen", .bool(hasCanteen)),
            ("building_area_m2", buildingAreaCentiM2.map { .number(JSONNumber(scaled: $0, decimals: 2)) } ?? .null),
            ("contact_name", text(contactName)),
            ("contact_phone", text(contactPhone)),
            ("working_body_established_on", text(workingBodyEstablishedOn)),
            ("plan_submitted_on", text(planSubmittedOn)),
            ("status", .string(status.rawValue)),
        ]
    }

    /// The fields as an object, for audit before/after.
    var json: JSONValue { .object(JSONObject(jsonPairs)) }
}
