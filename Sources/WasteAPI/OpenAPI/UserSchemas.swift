import JSON

/// OpenAPI component schemas of users (JSON Schema 2020-12). The password is write-only.
enum UserSchemas {
    static let all: [(String, JSONValue)] = [
        ("User", user),
        ("UserCreate", create),
        ("UserPatch", patch),
        ("UserList", [
            "type": "object",
            "required": ["items", "next_cursor"],
            "properties": [
                "items": ["type": "array", "items": ["$ref": "#/components/schemas/User"]],
                "next_cursor": ["type": ["string", "null"]],
            ],
        ]),
    ]

    static let username: JSONValue = [
        "type": "string", "minLength": 3, "maxLength": 64, "pattern": "^[A-Za-z0-9._-]{3,64}$",
        "description": "Unique regardless of letter case.",
    ]
    static let role: JSONValue = ["type": "string", "enum": ["admin", "inspector", "clerk", "viewer"]]
    static let institutionID: JSONValue = [
        "type": ["integer", "null"], "minimum": 1,
        "description": "Required for clerks (an active institution); must be null for other roles.",
    ]
    static let password: JSONValue = ["type": "string", "minLength": 10, "maxLength": 1024, "writeOnly": true,
                                      "description": "Not the username, not one of the 10,000 most common passwords."]
    static let displayName: JSONValue = ["type": "string", "minLength": 1, "maxLength": 100]

    static let user: JSONValue = [
        "type": "object",
        "required": ["id", "username", "display_name", "role", "institution_id", "active", "created_at", "updated_at", "version"],
        "properties": [
            "id": ["type": "integer"],
            "username": username,
            "display_name": displayName,
            "role": role,
            "institution_id": institutionID,
            "active": ["type": "boolean"],
            "created_at": ["type": "string", "format": "date-time"],
            "updated_at": ["type": "string", "format": "date-time"],
            "version": ["type": "integer"],
        ],
    ]

    static let create: JSONValue = [
        "type": "object",
        "additionalProperties": false,
        "required": ["username", "display_name", "role", "password"],
        "properties": [
            "username": username,
            "display_name": displayName,
            "role": role,
            "institution_id": institutionID,
            "password": password,
            "active": ["type": "boolean", "default": true],
        ],
    ]

    static let patch: JSONValue = [
        "type": "object",
        "additionalProperties": false,
        "description": """
            Any subset of fields. A new password, a new role, a new institution or active=false revokes the user's tokens. \
            Leaving the clerk role clears institution_id. An admin cannot deactivate or demote itself (409).
            """,
        "properties": [
            "username": username,
            "display_name": displayName,
            "role": role,
            "institution_id": institutionID,
            "password": password,
            "active": ["type": "boolean"],
        ],
    ]
}
