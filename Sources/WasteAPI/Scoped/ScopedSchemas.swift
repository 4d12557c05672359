import JSON

/// The four OpenAPI schemas of an institution-scoped resource, from its description:
/// `<Name>Input` (POST), `<Name>Patch` (the same fields, none required), `<Name>` (stored) and
/// `<Name>List`.
extension ScopedDescription {
    var openAPISchemas: [(String, JSONValue)] {
        let ids: [(String, JSONValue)] = [("id", ["type": "integer"]), ("institution_id", ["type": "integer"])]
        let summaryMembers = summary?.members ?? []
        return [
            ("\(schema)Input", fields.bodySchema(requiring: fields.requiredNames)),
            ("\(schema)Patch", fields.bodySchema(requiring: [])),
            (schema, fields.storedSchema(leading: ids, computed: computed.map { ($0.name, $0.schema) })),
            ("\(schema)List", OpenAPIObject.list(of: schema, extras: summaryMembers)),
        ]
    }
}
