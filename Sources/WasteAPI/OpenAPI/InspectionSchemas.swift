import JSON

/// OpenAPI component schemas of rubrics, inspections and findings (docs/API.md, Inspections).
enum InspectionSchemas {
    static let all: [(String, JSONValue)] = [
        ("Rubric", rubric),
        ("RubricInput", rubricInput),
        ("RubricList", page(of: "Rubric")),
        ("Inspection", inspection),
        ("InspectionInput", inspectionInput),
        ("InspectionPatch", inspectionPatch),
        ("InspectionList", page(of: "Inspection")),
        ("VoidRequest", object(required: ["reason"], ["reason": text(1, 500)])),
        ("Finding", finding),
        ("FindingList", page(of: "Finding")),
        ("RectifyRequest", object(required: ["note"], ["note": text(1, 2000)])),
        ("ReopenRequest", object(required: ["reason", "rectify_by"], ["reason": text(1, 2000), "rectify_by": date],
                                 description: "Why the rectification is rejected, and the new deadline (not before today).")),
    ]

    // MARK: Building blocks

    private static func ref(_ name: String) -> JSONValue { ["$ref": .string("#/components/schemas/\(name)")] }

    private static func page(of item: String) -> JSONValue {
        ["type": "object", "required": ["items", "next_cursor"],
         "properties": ["items": ["type": "array", "items": ref(item)], "next_cursor": ["type": ["string", "null"]]]]
    }

    private static func object(required: [String], _ properties: [String: JSONValue], description: String? = nil,
                               closed: Bool = true) -> JSONValue {
        var members: [(String, JSONValue)] = [("type", "object")]
        if let description { members.append(("description", .string(description))) }
        if !required.isEmpty { members.append(("required", .array(required.map(JSONValue.string)))) }
        if closed { members.append(("additionalProperties", false)) }
        members.append(("properties", .object(JSONObject(properties.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }))))
        return .object(JSONObject(members))
    }

    private static func text(_ min: Int, _ max: Int) -> JSONValue { ["type": "string", "minLength": .number(JSONNumber(min)), "maxLength": .number(JSONNumber(max))] }
    private static func nullable(_ type: String, format: String? = nil) -> JSONValue {
        format.map { ["type": [.string(type), "null"], "format": .string($0)] } ?? ["type": [.string(type), "null"]]
    }
    private static let id: JSONValue = ["type": "integer", "minimum": 1]
    private static let date: JSONValue = ["type": "string", "format": "date"]
    private static let instant: JSONValue = ["type": "string", "format": "date-time"]
    private static let points: JSONValue = ["type": "number", "minimum": 0, "multipleOf": 0.1, "description": "At most one decimal."]
    private static let code: JSONValue = ["type": "string", "pattern": "^[A-Za-z0-9][A-Za-z0-9._-]{0,15}$"]
    private static let kind: JSONValue = ["type": "string", "enum": ["monthly", "unannounced", "semiannual", "spot"],
                                          "description": "月检查, 暗访, 半年考核, 抽查"]
    private static let grade: JSONValue = ["type": "string", "enum": ["excellent", "good", "pass", "fail"],
                                           "description": "From the district's grade thresholds: ≥ excellent, ≥ good, ≥ pass, else fail."]
    private static let userRef: JSONValue = ["type": "object", "required": ["id", "username"],
                                             "properties": ["id": id, "username": ["type": "string"]]]

    // MARK: Rubrics

    private static let rubric = object(required: ["id", "version", "name", "active", "total_points", "sections", "items",
                                                  "created_at", "updated_at"], [
        "id": id,
        "version": ["type": "integer", "minimum": 1, "description": "Rubric version; rubrics never change once stored."],
        "name": ["type": "string"],
        "active": ["type": "boolean", "description": "Exactly one rubric is active: new inspections are scored on it."],
        "activated_at": nullable("string", format: "date-time"),
        "total_points": ["type": "number", "const": 100],
        "sections": ["type": "array", "items": object(required: ["code", "title_zh", "title_en", "max_points"], [
            "code": code, "title_zh": ["type": "string"], "title_en": ["type": "string"], "max_points": points,
        ])],
        "items": ["type": "array", "items": rubricItem],
        "created_at": instant, "updated_at": instant,
    ], closed: false)

    private static let rubricItem = object(required: ["code", "section", "title_zh", "title_en", "max_points"], [
        "code": code, "section": code, "title_zh": text(1, 200), "title_en": text(1, 200),
        "max_points": ["type": "number", "exclusiveMinimum": 0, "maximum": 100, "multipleOf": 0.1],
        "source": ["type": ["string", "null"], "enum": ["accuracy_sample", "ledger", .null],
                   "description": "A measured item: prefilled on inspection create from the accuracy sample (C3) or the ledger (C6)."],
    ])

    private static let rubricInput = object(required: ["name", "sections", "items"], [
        "name": text(1, 200),
        "sections": ["type": "array", "minItems": 1, "maxItems": 20,
                     "items": object(required: ["code", "title_zh", "title_en"], [
                         "code": code, "title_zh": text(1, 200), "title_en": text(1, 200)])],
        "items": ["type": "array", "minItems": 1, "maxItems": 200, "items": rubricItem,
                  "description": "Codes unique, each in a listed section; max_points add up to exactly 100."],
        "activate": ["type": "boolean", "default": true, "description": "false stores the rubric without making it active."],
    ], description: "A new rubric version.")

    // MARK: Inspections

    private static let itemScore = object(required: ["code", "score"], [
        "code": code, "score": points, "note": text(0, 1000),
    ])

    private static let findingInput = object(required: ["item_code", "description", "severity", "rectify_by"], [
        "item_code": code, "description": text(1, 1000), "severity": ["type": "string", "enum": ["minor", "major"]],
        "rectify_by": ["type": "string", "format": "date", "description": "Not before inspected_on."],
    ])

    private static let accuracyInput = object(required: ["bins_checked", "bins_correct"], [
        "bins_checked": ["type": "integer", "minimum": 1, "maximum": 100000],
        "bins_correct": ["type": "integer", "minimum": 0, "description": "At most bins_checked."],
    ])

    private static let inspectionFields: [String: JSONValue] = [
        "institution_id": ["type": "integer", "minimum": 1, "description": "An active institution."],
        "inspected_on": ["type": "string", "format": "date", "description": "Not later than today in the district."],
        "kind": kind,
        "items": ["type": "array", "items": itemScore, "maxItems": 500,
                  "description": "Every item of the rubric scored exactly once, from 0 to its max_points. Measured items (rubric source) left out are prefilled with their measured score; another score needs a note."],
        "accuracy_sample": ["oneOf": [accuracyInput, ["type": "null"]]],
        "findings": ["type": "array", "maxItems": 100, "items": findingInput, "description": "整改通知; open once finalized."],
        "note": ["type": ["string", "null"], "maxLength": 2000],
    ]

    private static let inspectionInput = object(required: ["institution_id", "inspected_on", "kind", "items"], inspectionFields,
                                                description: "total and grade are computed; sending them is a 400.")

    private static let inspectionPatch = object(required: [], inspectionFields,
                                                description: "Drafts only. Fields present replace the stored ones; items and findings replace the whole list.")

    private static let inspection = object(required: ["id", "institution_id", "rubric_id", "rubric_version", "inspected_on", "kind",
                                                      "inspector", "status", "counted", "items", "sections", "total", "grade",
                                                      "grade_zh", "findings", "created_at", "updated_at", "version"], [
        "id": id, "institution_id": id, "institution_name": ["type": "string"], "rubric_id": id,
        "rubric_version": ["type": "integer"], "inspected_on": date, "kind": kind, "kind_zh": ["type": "string"],
        "inspector": userRef,
        "status": ["type": "string", "enum": ["draft", "finalized", "voided"]],
        "counted": ["type": "boolean", "description": "Only finalized, unvoided inspections count."],
        "items": ["type": "array", "items": object(required: ["code", "score"], [
            "code": code, "section": ["type": ["string", "null"]], "title_zh": ["type": ["string", "null"]],
            "max_points": ["type": ["number", "null"]], "score": points, "note": ["type": ["string", "null"]],
            "source": ["type": ["string", "null"]],
            "measured_score": ["type": ["number", "null"], "description": "What the data measured for a measured item, beside the score given."],
        ])],
        "sections": ["type": "array", "items": object(required: ["code", "max_points", "score"], [
            "code": code, "title_zh": ["type": "string"], "title_en": ["type": "string"], "max_points": points, "score": points,
        ])],
        "total": ["type": "number", "minimum": 0, "maximum": 100, "description": "Sum of the item scores, one decimal."],
        "grade": grade, "grade_zh": ["type": "string", "enum": ["优秀", "良好", "合格", "不合格"]],
        "accuracy_sample": ["oneOf": [["type": "null"], object(required: ["bins_checked", "bins_correct", "accuracy", "meets_target"], [
            "bins_checked": ["type": "integer"], "bins_correct": ["type": "integer"],
            "accuracy": ["type": "number", "minimum": 0, "maximum": 1, "description": "bins_correct / bins_checked, 4 decimals."],
            "meets_target": ["type": "boolean", "description": "accuracy ≥ 90 % (C3 target)."],
        ])]],
        "findings": ["type": "array", "items": ref("Finding")],
        "note": nullable("string"), "finalized_at": nullable("string", format: "date-time"),
        "voided_at": nullable("string", format: "date-time"), "void_reason": nullable("string"),
        "created_at": instant, "updated_at": instant, "version": ["type": "integer", "minimum": 1],
    ], closed: false)

    // MARK: Findings

    private static let finding = object(required: ["id", "inspection_id", "institution_id", "item_code", "description", "severity",
                                                   "rectify_by", "status", "overdue", "rectified_late", "created_at",
                                                   "updated_at", "version"], [
        "id": id, "inspection_id": id, "institution_id": id, "item_code": code,
        "item_title_zh": nullable("string"), "item_title_en": nullable("string"),
        "description": ["type": "string"], "severity": ["type": "string", "enum": ["minor", "major"]], "rectify_by": date,
        "status": ["type": "string", "enum": ["pending", "open", "rectified", "verified", "withdrawn"],
                   "description": "pending only inside a draft inspection; withdrawn when the inspection is voided."],
        "overdue": ["type": "boolean", "description": "Open past rectify_by (district date), or rectified late."],
        "rectified_late": ["type": "boolean"],
        "rectified_at": nullable("string", format: "date-time"), "rectified_by": ["oneOf": [userRef, ["type": "null"]]],
        "rectification_note": nullable("string"),
        "verified_at": nullable("string", format: "date-time"), "verified_by": ["oneOf": [userRef, ["type": "null"]]],
        "reopened_at": nullable("string", format: "date-time"), "reopen_reason": nullable("string"),
        "created_at": instant, "updated_at": instant, "version": ["type": "integer", "minimum": 1],
    ], closed: false)
}
