import JSON
import WasteDomain

/// OpenAPI component schemas of the ledger: entries, monthly reports and statistics.
enum LedgerSchemas {
    private static func ref(_ name: String) -> JSONValue { ["$ref": .string("#/components/schemas/\(name)")] }
    private static func strings(_ values: [String]) -> JSONValue { .array(values.map(JSONValue.string)) }
    private static let nullableText: JSONValue = ["type": ["string", "null"]]
    private static let instant: JSONValue = ["type": ["string", "null"], "format": "date-time"]
    private static let kilograms: JSONValue = ["type": "number", "minimum": 0, "description": "Kilograms, exact to the gram."]
    private static let rate: JSONValue = ["type": ["number", "null"], "description": "At most 4 decimals; null when undefined."]
    private static let categoryTotals: JSONValue = [
        "type": "object", "description": "Kilograms per category code (categories in force, and any other with weight).",
        "additionalProperties": kilograms,
    ]

    private static let writable: [(String, JSONValue)] = [
        ("occurred_on", ["type": "string", "format": "date", "description": "Not after today in the district's UTC offset."]),
        ("category", ["type": "string", "description":
            "recyclable, hazardous, food or residual; input also accepts Chinese names and aliases (湿垃圾 → food). Must be in force."]),
        ("subcategory", ["type": ["string", "null"], "description": "One of the category's sub-categories (GET /v1/categories)."]),
        ("weight_kg", ["type": "number", "exclusiveMinimum": 0, "maximum": 100000, "multipleOf": 0.001,
                       "description": "At most 3 decimals; stored as integer grams."]),
        ("weighed", ["type": "boolean", "default": true, "description": "false: the weight is an estimate."]),
        ("stage", ["type": "string", "enum": strings(LedgerStage.allCases.map(\.rawValue))]),
        ("hauler", ["type": ["string", "null"], "maxLength": 200]),
        ("destination", ["type": ["string", "null"], "maxLength": 200, "description": "Treatment or recycling facility."]),
        ("disposal", ["type": ["string", "null"], "enum": .array(Disposal.allCases.map { .string($0.rawValue) } + [.null])]),
        ("manifest_no", ["type": ["string", "null"], "maxLength": 64]),
        ("note", ["type": ["string", "null"], "maxLength": 1000]),
    ]

    private static var entryInput: JSONValue {
        .object(JSONObject([
            ("type", "object"), ("additionalProperties", false),
            ("required", ["occurred_on", "category", "weight_kg", "stage"]),
            ("properties", .object(JSONObject(writable))),
        ]))
    }

    private static var entry: JSONValue {
        .object(JSONObject([
            ("type", "object"),
            ("required", strings(["id", "institution_id", "created_at", "updated_at", "version"] + writable.map(\.0))),
            ("properties", .object(JSONObject([
                ("id", ["type": "integer"]), ("institution_id", ["type": "integer"]),
            ] + writable + [
                ("created_at", ["type": "string", "format": "date-time"]),
                ("updated_at", ["type": "string", "format": "date-time"]),
                ("version", ["type": "integer", "minimum": 1]),
            ]))),
        ]))
    }

    private static let batch: JSONValue = [
        "type": "object", "required": ["items", "count"],
        "properties": ["items": ["type": "array", "items": ["$ref": "#/components/schemas/LedgerEntry"]], "count": ["type": "integer"]],
    ]

    private static var figures: [(String, JSONValue)] {
        [
            ("total_kg", kilograms), ("entry_count", ["type": "integer"]), ("totals", categoryTotals),
            ("recovered_kg", kilograms),
            ("recovery_rate", ["type": ["number", "null"], "description": .string(
                "生活垃圾回收利用率: recyclable and food weight whose disposal is not incinerated or landfilled (no disposal "
                + "recorded counts as recovered), over all counted weight. 4 decimals.")]),
            ("hazardous_handled_kg", ["type": "number", "description": "Hazardous weight with disposal hazardous_treatment."]),
            ("headcount", ["type": "integer", "description":
                "Staff of the filtered institution, or of the institutions that recorded weight (others do not dilute the figure)."]),
            ("working_days", ["type": "integer", "description":
                "Monday–Friday days of the period up to today; public holidays and make-up working days are not modelled."]),
            ("kg_per_staff_per_working_day", rate),
        ]
    }

    static var all: [(String, JSONValue)] {
        [
            ("LedgerEntryInput", entryInput),
            ("LedgerEntryCreate", ["oneOf": [
                ref("LedgerEntryInput"),
                ["type": "object", "additionalProperties": false, "required": ["entries"],
                 "description": "A batch, stored in one transaction: all or none. Errors name entries[i].field.",
                 "properties": ["entries": ["type": "array", "minItems": 1, "maxItems": 1000, "items": ref("LedgerEntryInput")]]],
            ]]),
            ("LedgerEntryPatch", .object(JSONObject([
                ("type", "object"), ("additionalProperties", false),
                ("description", "Members present replace; null clears an optional field."),
                ("properties", .object(JSONObject(writable))),
            ]))),
            ("LedgerEntry", entry),
            ("LedgerEntryBatch", batch),
            ("LedgerEntryCreated", ["oneOf": [ref("LedgerEntry"), ref("LedgerEntryBatch")],
                                    "description": "The entry for a single create; {items, count} for a batch."]),
            ("LedgerEntryList", [
                "type": "object", "required": ["items", "next_cursor"],
                "description": "With Accept: text/csv (or ?format=csv) every matching entry as CSV instead (UTF-8 with BOM).",
                "properties": ["items": ["type": "array", "items": ref("LedgerEntry")], "next_cursor": nullableText],
            ]),
            ("LedgerEntryCSV", ["type": "string", "description": .string(
                "CSV with a header row: " + LedgerEntryCSV.header.joined(separator: ",")
                + ". id, institution_id, created_at, updated_at and version are ignored; Chinese headers and category names are accepted. "
                + "All rows are stored or none; errors name `line N.field`.")]),
            ("LedgerReport", report),
            ("LedgerReportReturn", ["type": "object", "additionalProperties": false, "required": ["reason"],
                                    "properties": ["reason": ["type": "string", "minLength": 1, "maxLength": 1000]]]),
            ("LedgerReportSubmit", ["type": "object", "additionalProperties": false,
                                    "description": "Optional for a month with entries; a month without entries is a 409 unless declared no_waste with a reason.",
                                    "properties": ["no_waste": ["type": "boolean"],
                                                   "reason": ["type": "string", "minLength": 1, "maxLength": 1000]]]),
            ("LedgerReportStatusList", reportList),
            ("LedgerStats", stats),
        ]
    }

    private static var report: JSONValue {
        [
            "type": "object",
            "description": .string("open → submitted (clerk/admin, once the month is over) → accepted or returned (inspector/admin); "
                + "returned → submitted. Submitted and accepted months are frozen. The ETag changes with the version and the content."),
            "required": ["institution_id", "month", "status", "totals", "entry_count", "due_on", "late", "version"],
            "properties": [
                "institution_id": ["type": "integer"], "month": ["type": "string", "pattern": "^[0-9]{4}-[0-9]{2}$"],
                "status": ["type": "string", "enum": strings(ReportStatus.allCases.map(\.rawValue))],
                "totals": categoryTotals, "total_kg": kilograms,
                "totals_by_stage": ["type": "object", "additionalProperties": categoryTotals],
                "entry_count": ["type": "integer"], "due_on": ["type": "string", "format": "date"],
                "submitted_at": instant, "accepted_at": instant, "returned_at": instant, "return_reason": nullableText,
                "no_waste": ["type": "boolean", "description": "Submitted as a month without waste (with no_waste_reason)."],
                "no_waste_reason": nullableText,
                "owed": ["type": "boolean", "description": "Whether the institution owes this month (reporting_starts_on to the archiving month); a month not owed is never late."],
                "late": ["type": "boolean", "description":
                    "Submitted (in the district's offset) after due_on, or not submitted and today is past due_on."],
                "version": ["type": "integer", "minimum": 0],
            ],
        ]
    }

    private static let reportList: JSONValue = [
        "type": "object", "required": ["month", "due_on", "items", "next_cursor", "count", "counts", "late_count"],
        "properties": [
            "month": ["type": "string"], "due_on": ["type": "string", "format": "date"],
            "next_cursor": ["type": ["string", "null"], "description": "Pass as cursor for the next page; null on the last."],
            "items": ["type": "array", "items": [
                "type": "object",
                "properties": [
                    "institution": ["type": "object", "properties": ["id": ["type": "integer"], "code": ["type": "string"],
                                                                     "name": ["type": "string"]]],
                    "status": ["type": "string"], "entry_count": ["type": "integer"],
                    "submitted_at": ["type": ["string", "null"]], "accepted_at": ["type": ["string", "null"]],
                    "returned_at": ["type": ["string", "null"]], "late": ["type": "boolean"],
                ],
            ]],
            "count": ["type": "integer", "description": "Institutions matching month and status, on every page."],
            "counts": ["type": "object", "additionalProperties": ["type": "integer"]],
            "late_count": ["type": "integer"],
        ],
    ]

    private static var stats: JSONValue {
        let group = JSONValue.object(JSONObject([
            ("type", "object"),
            ("description", "The same figures for one category, institution {id, code, name} or month."),
            ("properties", .object(JSONObject(figures + [
                ("category", ["type": "string"]), ("month", ["type": "string"]),
                ("institution", ["type": "object"]),
            ]))),
        ]))
        return .object(JSONObject([
            ("type", "object"),
            ("description", .string("Weights counted once: " + StageRule.description)),
            ("properties", .object(JSONObject(figures + [
                ("period", ["type": "string"]), ("from", ["type": "string", "format": "date"]),
                ("to", ["type": "string", "format": "date"]),
                ("group_by", ["type": "string", "enum": ["category", "institution", "month"]]),
                ("institution_id", ["type": ["integer", "null"]]), ("stage_rule", ["type": "string"]),
                ("groups", ["type": "array", "items": group]),
            ]))),
        ]))
    }
}
