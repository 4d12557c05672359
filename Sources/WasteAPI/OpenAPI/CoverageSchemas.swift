import JSON
import WasteDomain

/// OpenAPI component schemas of `GET /v1/coverage` (docs/DECISIONS.md, "Coverage per institution").
enum CoverageSchemas {
    static let all: [(String, JSONValue)] = [
        ("Coverage", [
            "type": "object", "required": ["period", "as_of", "totals", "items"],
            "description": "With Accept: text/csv or the xlsx type (or ?format=csv|xlsx) the items as a spreadsheet: institution_code, institution_name, covered, unmet, unmet_zh.",
            "properties": [
                "period": ["type": "string"], "as_of": ["type": "string", "format": "date"],
                "totals": ["type": "object", "required": ["active_institutions", "institutions", "covered", "rate", "unmet"],
                           "properties": [
                               "active_institutions": ["type": "integer"],
                               "institutions": ["type": "integer", "description": "Active institutions obliged in the period."],
                               "covered": ["type": "integer"], "rate": ["type": ["number", "null"]],
                               "unmet": ["type": "object", "description": "Institutions short of each condition.",
                                         "additionalProperties": ["type": "integer"]],
                           ]],
                "items": ["type": "array", "items": [
                    "type": "object", "required": ["institution", "covered", "unmet"],
                    "properties": [
                        "institution": ["type": "object"],
                        "covered": ["type": "boolean"],
                        "unmet": ["type": "array", "items": [
                            "type": "object", "required": ["code", "message_zh"],
                            "properties": [
                                "code": ["type": "string", "enum": .array(CoverageAssessment.Condition.allCases.map { .string($0.rawValue) })],
                                "message_zh": ["type": "string"],
                            ],
                        ]],
                    ],
                ]],
            ],
        ]),
    ]
}
