import JSON

/// OpenAPI component schemas of the settings and categories.
enum SettingsSchemas {
    private static let categoryCode: JSONValue = ["type": "string", "enum": ["recyclable", "hazardous", "food", "residual"]]

    private static let thresholds: JSONValue = [
        "type": "object", "additionalProperties": false,
        "description": "Lower bounds of the grades; pass < good < excellent.",
        "properties": [
            "excellent": ["type": "integer", "minimum": 0, "maximum": 100],
            "good": ["type": "integer", "minimum": 0, "maximum": 100],
            "pass": ["type": "integer", "minimum": 0, "maximum": 100],
        ],
    ]

    private static let fields: [String: JSONValue] = [
        "district_name": ["type": "string", "minLength": 1, "maxLength": 50],
        "issuing_office": ["type": "string", "minLength": 1, "maxLength": 100],
        "notice_prefix": ["type": "string", "minLength": 1, "maxLength": 20, "description": "机关代字 of notice numbers"],
        "notice_addressees": ["type": "string", "minLength": 1, "maxLength": 200],
        "notice_cc": ["type": "string", "minLength": 0, "maxLength": 300,
                      "description": "抄送 line of the notice's 版记, e.g. 区委办公室，区政府办公室; empty: none"],
        "printing_office": ["type": "string", "minLength": 0, "maxLength": 100,
                            "description": "印发机关 of the notice's 版记; empty: the issuing office"],
        "categories_in_force": ["type": "array", "items": categoryCode, "minItems": 1, "maxItems": 4, "uniqueItems": true,
                                "description": "Input also accepts Chinese names and aliases."],
        "report_due_day": ["type": "integer", "minimum": 1, "maximum": 28,
                           "description": "A month's ledger report is due on this day of the next month."],
        "grade_thresholds": thresholds,
        "utc_offset_minutes": ["type": "integer", "minimum": -720, "maximum": 840],
        "rectification_requires_photo": ["type": "boolean",
                                         "description": "rectify needs a stage=rectified attachment first (default true)"],
        "language": ["type": "string", "enum": ["zh-CN", "zh", "en", "en-US", "en-GB"],
                     "description": "Language of error texts when a request sends no Accept-Language."],
        "require_totp_for": ["type": "array", "maxItems": 4, "uniqueItems": true,
                             "items": ["type": "string", "enum": ["admin", "inspector", "clerk", "viewer"]],
                             "description": "Roles that must log in with a TOTP code (RFC 6238)."],
        "outbound_hosts": ReminderSchemas.outboundHosts,
        "smtp": ReminderSchemas.smtp,
        "disposal_rules": ["type": "object", "additionalProperties": false,
                           "description": "The disposal values each category's ledger entries may have; a PUT replaces the categories it names.",
                           "properties": .object(JSONObject(["recyclable", "hazardous", "food", "residual"].map { ($0, disposals) }))],
        "calendar": ["type": "object", "description": "Working-day calendar per year (key YYYY): statutory holidays and weekend days worked; a PUT replaces the years it names. The State Council schedules of 2025 and 2026 are shipped.",
                     "additionalProperties": ["type": "object", "additionalProperties": false, "properties": [
                         "holidays": ["type": "array", "items": ["type": "string", "format": "date"]],
                         "working_weekends": ["type": "array", "items": ["type": "string", "format": "date"]]]]],
    ]

    private static let disposals: JSONValue = [
        "type": "array", "minItems": 1, "uniqueItems": true,
        "items": ["type": "string", "enum": ["recycled", "composted", "incinerated", "landfilled", "hazardous_treatment", "other"]],
    ]

    static let all: [(String, JSONValue)] = [
        ("SettingsInput", .object(JSONObject([
            ("type", "object"), ("additionalProperties", false),
            ("description", "Fields left out keep their current value."),
            ("properties", .object(JSONObject(fields.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }))),
        ]))),
        ("Settings", .object(JSONObject([
            ("type", "object"),
            ("required", .array((fields.keys.sorted() + ["version", "updated_at"]).map(JSONValue.string))),
            ("properties", .object(JSONObject((fields.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }) + [
                ("version", ["type": "integer", "minimum": 0]),
                ("updated_at", ["type": ["string", "null"], "format": "date-time"]),
            ]))),
        ]))),
        ("Category", [
            "type": "object",
            "required": ["code", "name_zh", "name_en", "colour", "colour_hex", "subcategories", "aliases", "in_force"],
            "properties": [
                "code": categoryCode,
                "name_zh": ["type": "string"], "name_en": ["type": "string"],
                "colour": ["type": "string"], "colour_hex": ["type": "string"],
                "subcategories": ["type": "array", "items": ["type": "string"]],
                "aliases": ["type": "array", "items": ["type": "string"]],
                "in_force": ["type": "boolean"],
            ],
        ]),
        ("CategoryList", [
            "type": "object", "required": ["items"],
            "properties": ["items": ["type": "array", "items": ["$ref": "#/components/schemas/Category"]]],
        ]),
    ]
}
