import JSON

/// OpenAPI component schemas of the institution-scoped activity resources: activities,
/// surveys, tasks and funding. Each has `<Name>Input` (POST), `<Name>Patch` (PATCH: the same
/// fields, none required), `<Name>` (a stored resource) and `<Name>List`.
enum ActivitySchemas {
    private static let date: JSONValue = ["type": "string", "format": "date"]
    private static let optionalDate: JSONValue = ["type": ["string", "null"], "format": "date"]
    private static let yuan: JSONValue = ["type": "number", "minimum": 0, "maximum": 10_000_000_000, "multipleOf": 0.01,
                                          "description": "Yuan, at most 2 decimals; stored as integer fen."]
    private static let rate: JSONValue = ["type": ["number", "null"], "minimum": 0, "maximum": 1,
                                          "description": "Exact fraction rounded half up to 4 decimals."]

    static let all: [(String, JSONValue)] =
        resource("Activity", required: ["kind", "title", "held_on"], fields: [
            ("kind", ["type": "string", "enum": ["training", "pledge", "commitment_signing", "materials", "other"]]),
            ("title", ["type": "string", "minLength": 1, "maxLength": 200]),
            ("held_on", date),
            ("participants", ["type": "integer", "minimum": 0, "maximum": 1_000_000, "description": "0 when left out."]),
            ("materials_count", ["type": "integer", "minimum": 0, "maximum": 10_000_000, "description": "0 when left out."]),
            ("note", ["type": ["string", "null"], "maxLength": 2000]),
        ])
        + resource("Survey", required: ["surveyed_on", "respondents", "aware", "participating"], fields: [
            ("surveyed_on", date),
            ("respondents", ["type": "integer", "minimum": 1, "maximum": 1_000_000]),
            ("aware", ["type": "integer", "minimum": 0, "description": "At most respondents."]),
            ("participating", ["type": "integer", "minimum": 0, "description": "At most respondents."]),
        ], computed: [("awareness_rate", rate), ("participation_rate", rate)])
        + resource("Task", required: ["title", "owner", "due_on"], fields: [
            ("title", ["type": "string", "minLength": 1, "maxLength": 200]),
            ("owner", ["type": "string", "minLength": 1, "maxLength": 100, "description": "The person responsible (责任人)."]),
            ("due_on", date),
            ("status", ["type": "string", "enum": ["open", "in_progress", "done"], "default": "open"]),
            ("done_on", .object(JSONObject([("type", ["string", "null"]), ("format", "date"),
                ("description", "Required when status is done, null otherwise; reopening a task clears it.")]))),
            ("note", ["type": ["string", "null"], "maxLength": 2000]),
        ], computed: [("overdue", ["type": "boolean",
                                   "description": "Not done and today (district time zone) is after due_on."])])
        + resource("Funding", required: ["year", "budget_yuan"], fields: [
            ("year", ["type": "integer", "minimum": 2000, "maximum": 2100]),
            ("budget_yuan", yuan),
            ("spent_yuan", yuan),
            ("purpose", ["type": ["string", "null"], "maxLength": 500]),
        ], listExtras: [("totals", [
            "type": "object", "required": ["budget_yuan", "spent_yuan"],
            "description": "Sums over every line the filters select, not only this page.",
            "properties": ["budget_yuan": ["type": "number"], "spent_yuan": ["type": "number"]],
        ])])

    /// The four schemas of one resource.
    private static func resource(_ name: String, required: [String], fields: [(String, JSONValue)],
                                 computed: [(String, JSONValue)] = [],
                                 listExtras: [(String, JSONValue)] = []) -> [(String, JSONValue)] {
        let common: [(String, JSONValue)] = [
            ("id", ["type": "integer"]), ("institution_id", ["type": "integer"]),
        ]
        let stamps: [(String, JSONValue)] = [
            ("created_at", ["type": "string", "format": "date-time"]),
            ("updated_at", ["type": "string", "format": "date-time"]),
            ("version", ["type": "integer", "minimum": 1]),
        ]
        let stored = common + fields + computed + stamps
        return [
            ("\(name)Input", object(fields, required: required, closed: true)),
            ("\(name)Patch", object(fields, required: [], closed: true)),
            (name, object(stored, required: stored.map(\.0), closed: false)),
            ("\(name)List", object([
                ("items", ["type": "array", "items": ["$ref": .string("#/components/schemas/\(name)")]]),
                ("next_cursor", ["type": ["string", "null"]]),
            ] + listExtras, required: ["items", "next_cursor"] + listExtras.map(\.0), closed: false)),
        ]
    }

    private static func object(_ properties: [(String, JSONValue)], required: [String], closed: Bool) -> JSONValue {
        var members: [(String, JSONValue)] = [("type", "object")]
        if closed { members.append(("additionalProperties", false)) }
        if !required.isEmpty { members.append(("required", .array(required.map(JSONValue.string)))) }
        members.append(("properties", .object(JSONObject(properties))))
        return .object(JSONObject(members))
    }
}
