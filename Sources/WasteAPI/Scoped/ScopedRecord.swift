import JSON
import Storage

/// One stored record of an institution-scoped resource: the common columns and its fields.
struct ScopedRecord<Model: Sendable & Equatable>: Sendable {
    let id: Int64
    let institutionID: Int64
    var fields: Model
    let createdAt: String
    var updatedAt: String
    var version: Int64

    var etag: String { Conditional.etag(version: version) }

    /// `{id, institution_id, <fields>, <computed>, created_at, updated_at, version}`.
    func json(_ description: ScopedDescription<Model>, _ environment: ScopedEnvironment) -> JSONValue {
        .object(JSONObject([("id", .number(JSONNumber(id))), ("institution_id", .number(JSONNumber(institutionID)))]
            + description.fields.jsonPairs(fields)
            + description.computed.map { ($0.name, $0.value(fields, environment)) }
            + [("created_at", .string(createdAt)), ("updated_at", .string(updatedAt)),
               ("version", .number(JSONNumber(version)))]))
    }
}
