import JSON

/// OpenAPI component schemas of the audit log.
enum AuditSchemas {
    static let all: [(String, JSONValue)] = [
        ("AuditEvent", [
            "type": "object",
            "required": ["id", "at", "actor", "entity", "entity_id", "action", "before", "after"],
            "properties": [
                "id": ["type": "integer"],
                "at": ["type": "string", "format": "date-time"],
                "actor": [
                    "description": "Who made the change; null for the first start and the command line.",
                    "oneOf": [
                        ["type": "null"],
                        ["type": "object", "required": ["id", "username"],
                         "properties": ["id": ["type": "integer"], "username": ["type": "string"]]],
                    ],
                ],
                "entity": ["type": "string", "description": "Resource kind in singular snake_case: user, token, session, institution, …"],
                "entity_id": ["type": ["integer", "null"]],
                "action": ["type": "string", "description": "create, update, deactivate, revoke, login, …"],
                "before": ["type": ["object", "null"], "description": "The resource before the change (never passwords or tokens)."],
                "after": ["type": ["object", "null"], "description": "The resource after the change."],
            ],
        ]),
        ("AuditEventList", [
            "type": "object",
            "required": ["items", "next_cursor"],
            "description": """
                Newest first; next_cursor pages to older events. Filters: entity, entity_id, action, \
                actor (user id or username), from and to (RFC 3339 instants, inclusive, or YYYY-MM-DD \
                dates meaning the whole day in China Standard Time, UTC+8).
                """,
            "properties": [
                "items": ["type": "array", "items": ["$ref": "#/components/schemas/AuditEvent"]],
                "next_cursor": ["type": ["string", "null"]],
            ],
        ]),
    ]
}
