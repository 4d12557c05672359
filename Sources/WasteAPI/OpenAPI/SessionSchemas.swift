import JSON

/// OpenAPI component schemas of login, sessions and `/v1/me` (`Sessions/SessionRoutes.swift`).
enum SessionSchemas {
    static let all: [(String, JSONValue)] = [
        ("LoginRequest", [
            "type": "object", "additionalProperties": false,
            "required": ["username", "password"],
            "properties": [
                "username": ["type": "string", "minLength": 1, "maxLength": 64],
                "password": ["type": "string", "minLength": 1, "maxLength": 1024, "writeOnly": true],
            ],
        ]),
        ("Session", [
            "type": "object",
            "required": ["token", "expires_at", "user"],
            "properties": [
                "token": ["type": "string", "description": "The bearer token; shown only in this response."],
                "expires_at": ["type": "string", "format": "date-time"],
                "user": user,
            ],
        ]),
        ("Me", [
            "type": "object",
            "required": ["user", "token"],
            "properties": [
                "user": user,
                "token": [
                    "type": "object",
                    "required": ["id", "kind", "name", "expires_at"],
                    "properties": [
                        "id": ["type": "integer"],
                        "kind": ["type": "string", "enum": ["session", "api"]],
                        "name": ["type": "string"],
                        "expires_at": ["type": ["string", "null"], "format": "date-time"],
                    ],
                ],
            ],
        ]),
    ]

    /// The calling user as `UserRecord.json` writes it (the same shape as the user resource).
    private static let user: JSONValue = [
        "type": "object",
        "required": ["id", "username", "display_name", "role", "institution_id", "active", "created_at", "updated_at", "version"],
        "properties": [
            "id": ["type": "integer"],
            "username": ["type": "string"],
            "display_name": ["type": "string"],
            "role": ["type": "string", "enum": ["admin", "inspector", "clerk", "viewer"]],
            "institution_id": ["type": ["integer", "null"], "description": "The clerk's institution; null for other roles."],
            "active": ["type": "boolean"],
            "created_at": ["type": "string", "format": "date-time"],
            "updated_at": ["type": "string", "format": "date-time"],
            "version": ["type": "integer", "minimum": 1],
        ],
    ]
}
