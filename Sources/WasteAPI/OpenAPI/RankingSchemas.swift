import JSON

/// OpenAPI component schemas of the scoring scheme, rankings and score history.
enum RankingSchemas {
    private static let score: JSONValue = ["type": "number", "minimum": 0, "maximum": 100, "description": "points, 2 decimals"]
    private static let nullableScore: JSONValue = ["type": ["number", "null"], "minimum": 0, "maximum": 100]
    private static let fraction: JSONValue = ["type": "number", "minimum": 0, "maximum": 1]
    private static let institution: JSONValue = [
        "type": "object", "required": ["id", "code", "name", "kind"],
        "properties": ["id": ["type": "integer"], "code": ["type": "string"], "name": ["type": "string"],
                       "kind": ["type": "string"]],
    ]
    private static let components: JSONValue = [
        "type": "object", "required": ["inspection", "ledger", "facility", "publicity"],
        "description": "Each 0–100; null when the component does not apply (its weight is shared among the others).",
        "properties": ["inspection": nullableScore, "ledger": nullableScore, "facility": nullableScore, "publicity": nullableScore],
    ]
    private static let grade: JSONValue = ["type": "string", "enum": ["excellent", "good", "pass", "fail"]]

    private static let schemeFields: [(String, JSONValue)] = [
        ("weights", ["type": "object", "additionalProperties": false,
                     "description": "Shares of the period score; they must add up to 1.",
                     "properties": ["inspection": fraction, "ledger": fraction, "facility": fraction, "publicity": fraction]]),
        ("semiannual_share", ["type": "number", "minimum": 0, "maximum": 1,
                              "description": "Share of the inspection component given to semi-annual assessments when present."]),
        ("ledger_credit", ["type": "object", "additionalProperties": false,
                           "properties": ["on_time": fraction, "late": fraction, "missing": ["type": "number", "const": 0]]]),
        ("publicity_points", ["type": "object", "additionalProperties": false,
                              "description": "Points for training in every quarter and for a pledge or commitment; they add up to 100.",
                              "properties": ["training_every_quarter": ["type": "integer", "minimum": 0, "maximum": 100],
                                             "pledge_or_commitment": ["type": "integer", "minimum": 0, "maximum": 100]]]),
    ]

    static let all: [(String, JSONValue)] = [
        ("ScoringSchemeInput", .object(JSONObject([("type", "object"), ("additionalProperties", false),
                                                   ("description", "Fields left out keep their current value."),
                                                   ("properties", .object(JSONObject(schemeFields)))]))),
        ("ScoringScheme", .object(JSONObject([
            ("type", "object"),
            ("required", ["weights", "semiannual_share", "ledger_credit", "publicity_points", "version", "created_at"]),
            ("properties", .object(JSONObject(schemeFields + [
                ("version", ["type": "integer", "minimum": 0, "description": "0 is the built-in default"]),
                ("created_at", ["type": ["string", "null"], "format": "date-time"]),
            ]))),
        ]))),
        ("RankingEntry", [
            "type": "object",
            "required": ["rank", "institution", "score", "grade", "grade_zh", "components", "inspections", "previous_rank", "change"],
            "properties": [
                "rank": ["type": "integer", "minimum": 1, "description": "Equal scores share a rank: 1, 2, 2, 4."],
                "institution": institution, "score": score, "grade": grade, "grade_zh": ["type": "string"],
                "components": components,
                "inspections": ["type": "integer", "minimum": 1, "description": "Counted inspections in the period."],
                "previous_rank": ["type": ["integer", "null"]],
                "change": ["type": ["integer", "null"], "description": "Places gained since the previous period (negative: lost)."],
            ],
        ]),
        ("Ranking", [
            "type": "object",
            "required": ["period", "kind", "scheme_version", "as_of", "generated_at", "ranked_count", "entries", "unranked"],
            "properties": [
                "period": ["type": "string"], "kind": ["type": ["string", "null"]],
                "scheme_version": ["type": "integer"], "as_of": ["type": "string", "format": "date"],
                "generated_at": ["type": "string", "format": "date-time"],
                "ranked_count": ["type": "integer", "minimum": 0],
                "entries": ["type": "array", "items": ["$ref": "#/components/schemas/RankingEntry"]],
                "unranked": ["type": "array", "items": [
                    "type": "object", "required": ["institution", "reason"],
                    "properties": ["institution": institution, "reason": ["type": "string"]],
                ]],
            ],
        ]),
        ("ScoreHistory", [
            "type": "object", "required": ["institution_id", "items"],
            "properties": [
                "institution_id": ["type": "integer"],
                "items": ["type": "array", "items": [
                    "type": "object",
                    "required": ["period", "as_of", "score", "grade", "rank", "ranked_count", "components", "unranked_reason", "inputs"],
                    "properties": [
                        "period": ["type": "string"], "as_of": ["type": "string", "format": "date"],
                        "score": nullableScore, "grade": ["type": ["string", "null"]], "rank": ["type": ["integer", "null"]],
                        "ranked_count": ["type": "integer"],
                        "components": ["oneOf": [components, ["type": "null"]]],
                        "unranked_reason": ["type": ["string", "null"]],
                        "inputs": ["type": ["object", "null"], "description": "Inspections, ledger months, facility score and publicity behind the score."],
                    ],
                ]],
            ],
        ]),
        ("Overview", [
            "type": "object",
            "required": ["period", "as_of", "district_name", "active_institutions", "coverage", "reporting", "ledger",
                         "inspection", "findings", "overdue_findings", "publicity"],
            "properties": [
                "period": ["type": "string"], "as_of": ["type": "string", "format": "date"],
                "district_name": ["type": "string"], "active_institutions": ["type": "integer"],
                "coverage": ["type": "object", "description": "全覆盖: working body and plan in place, no hazardous, office or canteen facility shortfall, every due ledger report submitted, and a counted inspection of at least 60.",
                             "properties": ["covered": ["type": "integer"],
                                            "institutions": ["type": "integer", "description": "Active institutions whose reporting obligation overlaps the period: the rate's denominator."],
                                            "rate": ["type": ["number", "null"]]]],
                "reporting": ["type": "object", "properties": [
                    "due": ["type": "integer"], "on_time": ["type": "integer"], "late": ["type": "integer"],
                    "missing": ["type": "integer"], "on_time_rate": ["type": ["number", "null"]]]],
                "ledger": ["type": "object", "properties": [
                    "total_kg": ["type": "number"], "totals": ["type": "object", "additionalProperties": ["type": "number"]],
                    "recovery_rate": ["type": ["number", "null"]], "hazardous_handled_kg": ["type": "number"]]],
                "inspection": ["type": "object", "properties": [
                    "inspections": ["type": "integer"], "inspected_institutions": ["type": "integer"],
                    "mean_score": ["type": ["number", "null"]]]],
                "findings": ["type": "object", "properties": [
                    "total": ["type": "integer"], "open": ["type": "integer"], "overdue": ["type": "integer"],
                    "rectified": ["type": "integer"], "verified": ["type": "integer"], "rectified_late": ["type": "integer"]]],
                "overdue_findings": ["type": "array", "items": ["type": "object", "properties": [
                    "id": ["type": "integer"], "institution": ["type": ["object", "null"]], "item_code": ["type": "string"],
                    "description": ["type": "string"], "rectify_by": ["type": "string", "format": "date"]]]],
                "publicity": ["type": "object", "properties": [
                    "trainings": ["type": "integer"], "training_participants": ["type": "integer"], "surveyed": ["type": "integer"],
                    "awareness_rate": ["type": ["number", "null"]], "participation_rate": ["type": ["number", "null"]]]],
            ],
        ]),
    ]
}
