import Hashing
import JSON
import Routing
import Storage
import WasteDomain

/// A long-lived API token to create, checked for shape.
struct TokenDraft: Sendable {
    let name: String
    /// Nil: the token never expires (it can still be revoked).
    let expiresAt: Timestamp?
}

/// A freshly made API token: the only moment its text exists outside the caller's hands.
struct IssuedToken: Sendable {
    let id: Int64
    let name: String
    let token: String
    let expiresAt: Timestamp?
    let createdAt: Timestamp

    /// `{id, name, token, expires_at, created_at}`; `token` is null in idempotent replays.
    func json(withToken: Bool) -> JSONValue {
        .object(JSONObject([
            ("id", .number(JSONNumber(id))),
            ("name", .string(name)),
            ("token", withToken ? .string(token) : .null),
            ("expires_at", expiresAt.map { .string($0.description) } ?? .null),
            ("created_at", .string(createdAt.description)),
        ]))
    }
}

/// API tokens for the API and the command line alike: the same rules, the same rows.
enum TokenStore {
    static let nameMaxLength = 100
    static let columns = "id, user_id, kind, name, created_at, expires_at, revoked_at"

    /// Reads `{name, expires_at?}`; `expires_at` must be an RFC 3339 instant after `now`.
    static func draft(_ object: JSONObject, now: Timestamp) -> (draft: TokenDraft?, errors: [FieldError]) {
        var reader = JSONFieldReader(object, allowedKeys: ["name", "expires_at"])
        let name = reader.string("name", required: true, minLength: 1, maxLength: nameMaxLength)
        var expiresAt: Timestamp?
        if let text = reader.string("expires_at", maxLength: 64) {
            if let instant = Timestamp(parsing: text) {
                if instant > now {
                    expiresAt = instant
                } else {
                    reader.addError("expires_at", code: FieldError.Code.outOfRange, message: "must be in the future")
                }
            } else {
                reader.addError("expires_at", code: FieldError.Code.invalidFormat,
                                message: "must be an RFC 3339 instant such as 2027-01-31T16:00:00Z, or null for no expiry")
            }
        }
        guard reader.isValid, let name else { return (nil, reader.errors) }
        return (TokenDraft(name: name, expiresAt: expiresAt), [])
    }

    /// Makes the token; only its SHA-256 is stored.
    static func insert(_ db: Connection, userID: Int64, _ draft: TokenDraft, now: Timestamp) throws -> IssuedToken {
        let (token, hash) = try APIToken.generate()
        try db.execute("""
            INSERT INTO tokens (user_id, kind, name, token_hash, created_at, expires_at)
            VALUES (?, 'api', ?, ?, ?, ?)
            """, [userID, draft.name, hash, now.description, draft.expiresAt?.description])
        return IssuedToken(id: db.lastInsertRowID, name: draft.name, token: token, expiresAt: draft.expiresAt, createdAt: now)
    }

    /// What the audit log keeps of a token: never its text or hash.
    static func auditJSON(userID: Int64, kind: String, name: String, expiresAt: String?) -> JSONValue {
        .object(JSONObject([
            ("user_id", .number(JSONNumber(userID))),
            ("kind", .string(kind)),
            ("name", .string(name)),
            ("expires_at", expiresAt.map(JSONValue.string) ?? .null),
        ]))
    }

    /// A stored token as `GET /v1/tokens` lists it.
    static func json(_ row: Row) throws -> JSONValue {
        .object(JSONObject([
            ("id", .number(JSONNumber(try row.int64("id")))),
            ("user_id", .number(JSONNumber(try row.int64("user_id")))),
            ("name", .string(try row.string("name"))),
            ("kind", .string(try row.string("kind"))),
            ("created_at", .string(try row.string("created_at"))),
            ("expires_at", try row.optionalString("expires_at").map(JSONValue.string) ?? .null),
            ("revoked_at", try row.optionalString("revoked_at").map(JSONValue.string) ?? .null),
        ]))
    }
}
