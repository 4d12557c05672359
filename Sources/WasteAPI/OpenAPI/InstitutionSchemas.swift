import JSON

/// OpenAPI component schemas of the institution registry (SPEC §5 "Institutions").
enum InstitutionSchemas {
    static let all: [(String, JSONValue)] = [
        ("Institution", institution),
        ("InstitutionCreate", create),
        ("InstitutionPatch", patch),
        ("InstitutionList", list),
        ("InstitutionCSV", csv),
        ("InstitutionImportResult", importResult),
    ]

    private static let kinds: JSONValue = ["party_government_organ", "public_institution", "social_organization", "state_enterprise", "other"]

    private static func nullable(_ type: String, _ extra: [(String, JSONValue)] = [], description: String? = nil) -> JSONValue {
        var object: JSONObject = ["type": [.string(type), "null"]]
        for (key, value) in extra { object.set(key, value) }
        if let description { object.set("description", .string(description)) }
        return .object(object)
    }

    /// The writable fields, as both bodies take them (explicit `null` clears an optional one).
    private static let writable: JSONObject = [
        "code": ["type": "string", "pattern": "^[A-Za-z0-9._-]{1,32}$", "description": "Unique unit code."],
        "name": ["type": "string", "minLength": 1, "maxLength": 100, "description": "Unique name, e.g. 尖山区教育局."],
        "kind": ["type": "string", "enum": kinds,
                 "description": "Input also accepts the Chinese names 党政机关, 事业单位, 团体组织, 国有企业, 其他; output is always the code."],
        "parent_department": nullable("string", [("maxLength", 100)]),
        "address": nullable("string", [("maxLength", 200)]),
        "headcount": ["type": "integer", "minimum": 0, "maximum": 1_000_000, "default": 0],
        "floors": ["type": "integer", "minimum": 0, "maximum": 300, "default": 1],
        "has_canteen": ["type": "boolean", "default": false],
        "building_area_m2": nullable("number", [("minimum", 0), ("multipleOf", 0.01)], description: "At most 2 decimals."),
        "contact_name": nullable("string", [("maxLength", 50)]),
        "contact_phone": nullable("string", [("maxLength", 32), ("pattern", "^[0-9 +()-]*$")]),
        "working_body_established_on": nullable("string", [("format", "date")], description: "When the working body (工作机构) was set up."),
        "plan_submitted_on": nullable("string", [("format", "date")], description: "When the implementation plan (实施方案) was submitted."),
        "status": ["type": "string", "enum": ["active", "archived"], "default": "active"],
    ]

    private static let institution: JSONValue = {
        var properties = writable
        properties.set("id", ["type": "integer"])
        properties.set("created_at", ["type": "string", "format": "date-time"])
        properties.set("updated_at", ["type": "string", "format": "date-time"])
        properties.set("version", ["type": "integer", "minimum": 1])
        let required: [JSONValue] = ["id"] + InstitutionFields.names.map(JSONValue.string) + ["created_at", "updated_at", "version"]
        return ["type": "object", "required": .array(required), "properties": .object(properties),
                "description": "A public institution (公共机构). Absent optional values are null."]
    }()

    private static let create: JSONValue = [
        "type": "object", "additionalProperties": false, "required": ["code", "name", "kind"],
        "properties": .object(writable),
        "description": "Unknown fields are a 400; a taken code or name is a 409 whose `field` names it.",
    ]

    private static let patch: JSONValue = [
        "type": "object", "additionalProperties": false, "properties": .object(writable),
        "description": """
            Only the fields given change; null clears an optional field. A clerk may change only its own institution's \
            address, headcount, floors, has_canteen, building_area_m2, contact_name, contact_phone, \
            working_body_established_on and plan_submitted_on: naming code, name, kind, parent_department or status is a 403.
            """,
    ]

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
        "description": """
            UTF-8 CSV (RFC 4180; the export has a BOM and CRLF). Header row of snake_case names; the export's column order is \
            code, name, kind, parent_department, address, headcount, floors, has_canteen, building_area_m2, contact_name, \
            contact_phone, working_body_established_on, plan_submitted_on, status. The import takes the columns in any order; \
            code, name and kind are required, unknown columns are a 400. A row whose code exists updates that institution, \
            others create one. Cells starting with = + - @ are exported behind a ' that the import removes. Empty cells are \
            null; an empty headcount, floors, has_canteen or status keeps the current value (or the default). All rows or none: \
            problems are listed with the field `line N.column` (the header is line 1) or `line N` for a whole row.
            """,
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
