import JSON

/// OpenAPI component schemas of API tokens. A token's text appears only in `TokenCreated`.
enum TokenSchemas {
    static let all: [(String, JSONValue)] = [
        ("Token", [
            "type": "object",
            "required": ["id", "user_id", "name", "kind", "created_at", "expires_at", "revoked_at"],
            "properties": [
                "id": ["type": "integer"],
                "user_id": ["type": "integer"],
                "name": ["type": "string"],
                "kind": ["type": "string", "enum": ["session", "api"]],
                "created_at": ["type": "string", "format": "date-time"],
                "expires_at": ["type": ["string", "null"], "format": "date-time"],
                "revoked_at": ["type": ["string", "null"], "format": "date-time"],
            ],
        ]),
        ("TokenList", [
            "type": "object",
            "required": ["items", "next_cursor"],
            "properties": [
                "items": ["type": "array", "items": ["$ref": "#/components/schemas/Token"]],
                "next_cursor": ["type": ["string", "null"]],
            ],
        ]),
        ("TokenCreate", [
            "type": "object",
            "additionalProperties": false,
            "required": ["name"],
            "properties": [
                "name": ["type": "string", "minLength": 1, "maxLength": 100],
                "expires_at": ["type": ["string", "null"], "format": "date-time",
                               "description": "In the future; null or absent: the token never expires."],
            ],
        ]),
        ("TokenCreated", [
            "type": "object",
            "required": ["id", "name", "token", "expires_at", "created_at"],
            "properties": [
                "id": ["type": "integer"],
                "name": ["type": "string"],
                "token": ["type": ["string", "null"],
                          "description": """
                              The bearer token, shown only here. Null in an Idempotency-Key replay: the \
                              server never stores token text, so a client that lost the first response \
                              revokes this id and creates another token.
                              """],
                "expires_at": ["type": ["string", "null"], "format": "date-time"],
                "created_at": ["type": "string", "format": "date-time"],
            ],
        ]),
    ]
}
