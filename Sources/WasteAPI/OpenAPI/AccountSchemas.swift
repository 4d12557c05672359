import JSON

/// OpenAPI component schemas of a user's own account: password change and TOTP.
enum AccountSchemas {
    static let all: [(String, JSONValue)] = [
        ("PasswordChange", [
            "type": "object",
            "additionalProperties": false,
            "required": ["current_password", "new_password"],
            "properties": [
                "current_password": ["type": "string", "minLength": 1, "maxLength": 1024, "writeOnly": true],
                "new_password": UserSchemas.password,
            ],
        ]),
        ("PasswordChanged", [
            "type": "object",
            "required": ["tokens_revoked"],
            "properties": [
                "tokens_revoked": ["type": "integer", "minimum": 0,
                                   "description": "The user's other sessions and API tokens, revoked by the change."],
            ],
        ]),
        ("TOTPEnrolment", [
            "type": "object",
            "required": ["secret", "otpauth_uri"],
            "properties": [
                "secret": ["type": "string", "description": "The shared secret in base32 (RFC 4648), shown only here."],
                "otpauth_uri": ["type": "string", "description": "For authenticator apps (as a QR code): SHA1, 6 digits, 30 s."],
            ],
        ]),
        ("TOTPConfirm", [
            "type": "object",
            "additionalProperties": false,
            "required": ["code"],
            "properties": ["code": ["type": "string", "pattern": "^[0-9]{6}$"]],
        ]),
        ("TOTPStatus", [
            "type": "object",
            "required": ["enabled"],
            "properties": ["enabled": ["type": "boolean"]],
        ]),
    ]
}
