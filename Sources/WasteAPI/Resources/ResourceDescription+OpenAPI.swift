import JSON

/// The OpenAPI 3.1 schemas of a described resource, from the same field declarations that
/// validate bodies, so `/openapi.json` cannot drift from what the server accepts.
extension ResourceDescription {
    /// One field's property: its value schema, `null` added for optional fields, the blank
    /// model's value as `default` for fields that may be left out, and its description.
    func propertySchema(_ field: FieldDescription<Model>) -> JSONValue {
        var schema = field.valueSchema
        if field.presence == .optional, let type = schema["type"]?.stringValue {
            schema.set("type", [.string(type), "null"])
        }
        if field.presence == .defaulted { schema.set("default", field.json(blank)) }
        if let documentation = field.documentation { schema.set("description", .string(documentation)) }
        return .object(schema)
    }

    /// The writable fields as both bodies (create and patch) take them.
    var writableProperties: [(String, JSONValue)] { fields.map { ($0.name, propertySchema($0)) } }

    /// A closed object of the writable fields; `required` for a create body, none for a patch.
    func bodySchema(requiring required: [String], description: String? = nil) -> JSONValue {
        OpenAPIObject.schema(writableProperties, required: required, closed: true, description: description)
    }

    /// A stored resource: `leading` members (ids), the fields, `computed` members, `trailing`
    /// members (timestamps and version); every member is always present.
    func storedSchema(leading: [(String, JSONValue)], computed: [(String, JSONValue)] = [],
                      trailing: [(String, JSONValue)] = OpenAPIObject.stamps, description: String? = nil) -> JSONValue {
        let members = leading + writableProperties + computed + trailing
        return OpenAPIObject.schema(members, required: members.map(\.0), closed: false, description: description)
    }
}

/// Building blocks shared by every described resource's schemas.
enum OpenAPIObject {
    static let stamps: [(String, JSONValue)] = [
        ("created_at", ["type": "string", "format": "date-time"]),
        ("updated_at", ["type": "string", "format": "date-time"]),
        ("version", ["type": "integer", "minimum": 1]),
    ]

    static func schema(_ properties: [(String, JSONValue)], required: [String], closed: Bool,
                       description: String? = nil) -> JSONValue {
        var members: [(String, JSONValue)] = [("type", "object")]
        if closed { members.append(("additionalProperties", false)) }
        if !required.isEmpty { members.append(("required", .array(required.map(JSONValue.string)))) }
        members.append(("properties", .object(JSONObject(properties))))
        if let description { members.append(("description", .string(description))) }
        return .object(JSONObject(members))
    }

    /// `{items: [<schema>], next_cursor}` plus `extras`.
    static func list(of schema: String, extras: [(String, JSONValue)] = [], description: String? = nil) -> JSONValue {
        Self.schema([
            ("items", ["type": "array", "items": ["$ref": .string("#/components/schemas/\(schema)")]]),
            ("next_cursor", ["type": ["string", "null"]]),
        ] + extras, required: ["items", "next_cursor"] + extras.map(\.0), closed: false, description: description)
    }
}
