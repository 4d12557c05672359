import JSON
import Routing
import Storage
import WasteDomain

/// The user table's writes and the rules that need the database: unique usernames, clerks
/// bound to an active institution, and tokens revoked when their user's rights change.
///
/// Errors are `HTTPError`s so the API can answer with them as they are; the command line
/// prints their detail and field messages.
enum UserStore {
    /// A field error when `id` names no institution, or an archived one (no new clerks there).
    static func institutionError(_ db: Connection, id: Int64) throws -> FieldError? {
        let status = try db.queryOne("SELECT status FROM institutions WHERE id = ?", [id]).map { try $0.string("status") }
        switch status {
        case "active"?: return nil
        case nil: return FieldError(field: "institution_id", code: FieldError.Code.invalidValue,
                                    message: "no institution has id \(id)")
        default: return FieldError(field: "institution_id", code: FieldError.Code.invalidValue,
                                   message: "institution \(id) is archived; clerks can only be added to active institutions")
        }
    }

    /// 409 naming `username` when another user has it, whatever its letter case.
    static func requireUniqueUsername(_ db: Connection, _ username: String, except id: Int64? = nil) throws {
        // The column is COLLATE NOCASE, so `=` compares without letter case.
        let other = try db.scalar("SELECT id FROM users WHERE username = ? AND id != ?", [username, id ?? 0], as: Int64.self)
        if other != nil {
            throw HTTPError.conflict("the username \(username) is already taken (usernames ignore letter case)", field: "username")
        }
    }

    /// Inserts a validated draft whose password is already hashed.
    static func insert(_ db: Connection, _ draft: UserDraft, passwordHash: String, now: Timestamp) throws -> UserRecord {
        if let institutionID = draft.institutionID, let error = try institutionError(db, id: institutionID) {
            throw HTTPError.validation([error])
        }
        try requireUniqueUsername(db, draft.username)
        let stamp = now.description
        do {
            try db.execute("""
                INSERT INTO users (username, display_name, role, institution_id, password_hash, active, created_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """, [draft.username, draft.displayName, draft.role.rawValue, draft.institutionID, passwordHash,
                      draft.active, stamp, stamp])
        } catch let error as DatabaseError where error.isUniqueConstraint {
            throw HTTPError.conflict("the username \(draft.username) is already taken", field: "username")
        }
        guard let record = try UserRecord.find(db, id: db.lastInsertRowID) else { throw HTTPError.notFound() }
        return record
    }

    /// Revokes every live token of a user, except `keeping` (the caller's own session when it
    /// changes its own password). Returns how many were revoked.
    @discardableResult
    static func revokeTokens(_ db: Connection, userID: Int64, now: Timestamp, keeping: Int64? = nil) throws -> Int {
        try db.execute("UPDATE tokens SET revoked_at = ? WHERE user_id = ? AND revoked_at IS NULL AND id != ?",
                       [now.description, userID, keeping ?? 0])
        return db.changes
    }

    /// The user as audit `before`/`after` show it: the API view, never the password hash.
    static func auditJSON(_ user: UserRecord, extra: [(String, JSONValue)] = []) -> JSONValue {
        guard case .object(var object) = user.json else { return user.json }
        for (key, value) in extra { object.set(key, value) }
        return .object(object)
    }
}
