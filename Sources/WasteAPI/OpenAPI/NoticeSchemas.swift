import JSON

/// OpenAPI component schemas of notices (通报).
enum NoticeSchemas {
    private static let rankedUnit: JSONValue = [
        "type": "object", "required": ["rank", "name", "kind", "score", "grade"],
        "properties": ["rank": ["type": "integer"], "name": ["type": "string"], "kind": ["type": "string"],
                       "score": ["type": "number"], "grade": ["type": "string", "enum": ["excellent", "good", "pass", "fail"]]],
    ]

    static let all: [(String, JSONValue)] = [
        ("NoticeCreate", [
            "type": "object", "additionalProperties": false, "required": ["period", "kind"],
            "properties": [
                "period": ["type": "string", "description": "A month for monthly, a quarter for quarterly, a half for semiannual notices."],
                "kind": ["type": "string", "enum": ["monthly", "quarterly", "semiannual"]],
                "supersedes": ["type": "integer", "description": "The published notice of the same period and kind this draft replaces when published."],
            ],
        ]),
        ("NoticeWithdraw", [
            "type": "object", "additionalProperties": false, "required": ["reason"],
            "properties": ["reason": ["type": "string", "minLength": 1, "maxLength": 2000]],
        ]),
        ("NoticeContent", [
            "type": "object",
            "description": "Layout after GB/T 9704-2012; text/markdown, text/html (printable A4), text/plain and application/vnd.openxmlformats-officedocument.wordprocessingml.document (Word) render the same content.",
            "required": ["kind", "period", "issuing_office", "district_name", "number", "title", "addressees", "issued_on",
                         "overall", "praised", "criticized", "problems", "rectifications", "ranking", "unranked_count"],
            "properties": [
                "kind": ["type": "string"], "period": ["type": "string"], "issuing_office": ["type": "string"],
                "district_name": ["type": "string"], "number": ["type": ["string", "null"], "description": "e.g. 尖垃分办〔2026〕7号; null until published"],
                "title": ["type": "string"], "addressees": ["type": "string"], "issued_on": ["type": "string", "format": "date"],
                "overall": ["type": "object"],
                "praised": ["type": "array", "items": rankedUnit],
                "criticized": ["type": "array", "items": ["type": "object", "properties": [
                    "name": ["type": "string"], "reasons": ["type": "array", "items": ["type": "string"]]]]],
                "problems": ["type": "array", "items": ["type": "object", "properties": [
                    "item_code": ["type": "string"], "item_title": ["type": "string"], "count": ["type": "integer"],
                    "institutions": ["type": "array", "items": ["type": "string"]]]]],
                "rectifications": ["type": "array", "items": ["type": "object", "properties": [
                    "institution": ["type": "string"], "item_code": ["type": "string"], "description": ["type": "string"],
                    "rectify_by": ["type": "string", "format": "date"], "overdue": ["type": "boolean"],
                    "has_photo": ["type": "boolean", "description": "photos of the finding are on file"]]]],
                "ranking": ["type": "array", "items": rankedUnit],
                "unranked_count": ["type": "integer"],
                "notice_cc": ["type": ["string", "null"], "description": "抄送 of the 版记 (from the settings when assembled)"],
                "printing_office": ["type": ["string", "null"], "description": "印发机关 of the 版记; empty or null: the issuing office"],
            ],
        ]),
        ("Notice", [
            "type": "object",
            "required": ["id", "kind", "period", "status", "number", "title", "created_at", "updated_at", "published_at", "version", "content"],
            "properties": [
                "id": ["type": "integer"], "kind": ["type": "string"], "period": ["type": "string"],
                "status": ["type": "string", "enum": ["draft", "published", "superseded", "withdrawn"]], "number": ["type": ["string", "null"]],
                "supersedes": ["type": ["integer", "null"]], "superseded_by": ["type": ["integer", "null"]],
                "withdrawn_at": ["type": ["string", "null"], "format": "date-time"], "withdrawal_reason": ["type": ["string", "null"]],
                "title": ["type": "string"], "created_at": ["type": "string", "format": "date-time"],
                "updated_at": ["type": "string", "format": "date-time"],
                "published_at": ["type": ["string", "null"], "format": "date-time"], "version": ["type": "integer"],
                "content": ["$ref": "#/components/schemas/NoticeContent"],
            ],
        ]),
        ("NoticeList", CommonSchemas.page(of: "Notice")),
    ]
}
