import JSON

/// Component schemas every resource shares: problems (docs/API.md, Conventions), list pages, health.
///
/// Resource files build their list shapes with ``page(of:)`` so every list reads the same.
enum CommonSchemas {
    static let all: [(String, JSONValue)] = [
        ("Problem", problem),
        ("ValidationProblem", validationProblem),
        ("FieldError", fieldError),
        ("Health", health),
        ("Ready", ready),
    ]

    /// `{items: [<item>], next_cursor}`: one page of a list (docs/API.md, Conventions).
    static func page(of item: String) -> JSONValue {
        [
            "type": "object",
            "required": ["items", "next_cursor"],
            "properties": [
                "items": ["type": "array", "items": reference(item)],
                "next_cursor": ["type": ["string", "null"],
                                "description": "Pass as `cursor` to get the next page; null on the last page."],
            ],
        ]
    }

    /// `{"$ref": "#/components/schemas/<name>"}`.
    static func reference(_ name: String) -> JSONValue {
        ["$ref": .string(OpenAPISchemaRegistry.prefix + name)]
    }

    /// RFC 9457 problem details, as `HTTPError.problem` writes them.
    private static let problem: JSONValue = [
        "type": "object",
        "description": "An RFC 9457 problem. Never carries stack traces or SQL text.",
        "required": ["type", "title", "status", "detail"],
        "properties": [
            "type": ["type": "string", "description": "A relative URI naming the kind of problem, e.g. /problems/not-found."],
            "title": ["type": "string"],
            "status": ["type": "integer", "minimum": 400, "maximum": 599],
            "detail": ["type": "string", "description": "What went wrong, for a person."],
            "errors": ["type": "array", "items": ["$ref": "#/components/schemas/FieldError"]],
            "field": ["type": "string", "description": "The field a conflict is about (409)."],
            "title_zh": ["type": "string", "description": "`title` in Chinese (storage faults: 507, 503)."],
            "detail_zh": ["type": "string", "description": "`detail` in Chinese (storage faults: 507, 503)."],
        ],
    ]

    /// A 400 that lists every bad field at once.
    private static let validationProblem: JSONValue = [
        "allOf": [
            ["$ref": "#/components/schemas/Problem"],
            ["type": "object", "properties": ["errors": ["type": "array", "items": ["$ref": "#/components/schemas/FieldError"]]]],
        ],
    ]

    private static let fieldError: JSONValue = [
        "type": "object",
        "required": ["field", "code", "message"],
        "properties": [
            "field": ["type": "string", "description": "Dotted path of the field, e.g. `entries.3.weight_kg`, or a query parameter."],
            "code": ["type": "string", "description": "Machine-readable reason, e.g. `required`, `unknown_field`, `invalid_value`."],
            "message": ["type": "string"],
        ],
    ]

    private static let health: JSONValue = [
        "type": "object",
        "required": ["status"],
        "properties": ["status": ["type": "string", "const": "ok"]],
    ]

    private static let ready: JSONValue = [
        "type": "object",
        "required": ["status"],
        "properties": [
            "status": ["type": "string", "enum": ["ready", "unavailable"]],
            "migrations": ["type": "integer", "minimum": 0, "description": "Migrations applied (when ready)."],
            "detail": ["type": "string", "description": "Why the server is not ready (when unavailable)."],
            "detail_zh": ["type": "string", "description": "`detail` in Chinese (storage faults)."],
            "storage": ["type": "string", "enum": ["disk_full", "io_error", "read_only", "database_moved"],
                        "description": "The storage fault writes are failing with, when that is why."],
        ],
    ]
}
