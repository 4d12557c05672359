import JSON

/// OpenAPI component schemas of login sessions and `GET /v1/me`.
enum SessionSchemas {
    static let all: [(String, JSONValue)] = [
        ("LoginRequest", [
            "type": "object",
            "additionalProperties": false,
            "required": ["username", "password"],
            "properties": [
                "username": ["type": "string", "minLength": 1, "maxLength": 64],
                "password": ["type": "string", "minLength": 1, "maxLength": 1024, "writeOnly": true],
                "totp": ["type": "string", "maxLength": 16, "writeOnly": true,
                         "description": "The 6-digit TOTP code, for users who turned the second factor on."],
            ],
        ]),
        ("Session", [
            "type": "object",
            "required": ["token", "expires_at", "user"],
            "properties": [
                "token": ["type": "string", "description": "Bearer token for the Authorization header; shown only here."],
                "expires_at": ["type": "string", "format": "date-time"],
                "user": ["$ref": "#/components/schemas/User"],
                "totp_enrolment_required": ["type": "boolean", "description": """
                    Present (true) when the role must use TOTP and the user has not set it up: the token may only \
                    set TOTP up (POST /v1/me/totp, /v1/me/totp/confirm), read /v1/me and log out; it lasts 15 minutes.
                    """],
            ],
        ]),
        ("Me", [
            "type": "object",
            "required": ["user", "token"],
            "properties": [
                "user": ["$ref": "#/components/schemas/User"],
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
}
