import JSON

/// OpenAPI component schemas of the institution registry, derived from ``InstitutionFields/description``.
enum InstitutionSchemas {
    static let all: [(String, JSONValue)] = [
        ("Institution", institution),
        ("InstitutionCreate", create),
        ("InstitutionPatch", patch),
        ("InstitutionList", list),
        ("InstitutionCSV", csv),
        ("InstitutionImportResult", importResult),
    ]

    private static let description = InstitutionFields.description

    private static let institution = description.storedSchema(
        leading: [("id", ["type": "integer"])],
        description: "A public institution (公共机构). Absent optional values are null.")

    private static let create = description.bodySchema(
        requiring: description.requiredNames,
        description: "Unknown fields are a 400; a taken code or name is a 409 whose `field` names it.")

    private static let patch: JSONValue = {
        let clerkFields = description.fields.filter(\.clerkWritable).map(\.name)
        let officeFields = description.fields.filter { !$0.clerkWritable }.map(\.name)
        return description.bodySchema(requiring: [], description: """
            Only the fields given change; null clears an optional field. A clerk may change only its own institution's \
            \(clerkFields.joined(separator: ", ")): naming \(officeFields.joined(separator: ", ")) is a 403.
            """)
    }()

    private static let list: JSONValue = [
        "type": "object", "required": ["items", "next_cursor"],
        "description": """
            One page of institutions by ascending id. Filters: q (substring of name or code, ASCII case-insensitive), \
            kind (code or Chinese name), status (active by default; archived or all). With Accept: text/csv or \
            ?format=csv the response is every match as CSV (see InstitutionCSV), not paginated.
            """,
        "properties": [
            "items": ["type": "array", "items": ["$ref": "#/components/schemas/Institution"]],
            "next_cursor": ["type": ["string", "null"]],
        ],
    ]

    private static let csv: JSONValue = [
        "type": "string",
        "description": .string("""
            UTF-8 CSV (RFC 4180; the export has a BOM and CRLF). Header row of snake_case names; the export's column order is \
            \(description.names.joined(separator: ", ")). The import takes the columns in any order; \
            \(description.requiredNames.joined(separator: ", ")) are required, unknown columns are a 400. A row whose code exists updates that institution, \
            others create one. Cells starting with = + - @ are exported behind a ' that the import removes. Empty cells are \
            null; an empty \(description.fields.filter { $0.presence == .defaulted }.map(\.name).joined(separator: ", ")) keeps the current value (or the default). All rows or none: \
            problems are listed with the field `line N.column` (the header is line 1) or `line N` for a whole row.
            """),
    ]

    private static let importResult: JSONValue = [
        "type": "object", "required": ["created", "updated", "unchanged"],
        "properties": [
            "created": ["type": "integer", "minimum": 0],
            "updated": ["type": "integer", "minimum": 0],
            "unchanged": ["type": "integer", "minimum": 0],
        ],
    ]
}
