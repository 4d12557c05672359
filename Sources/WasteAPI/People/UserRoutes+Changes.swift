import HTTPCore
import JSON
import Routing
import Storage
import WasteDomain

/// `PATCH` and `DELETE /v1/users/{id}`.
///
/// A new password, a new role, a move to another institution or deactivation revokes the
/// user's tokens at once (the token cache forgets them: the route `changesCredentials`): whoever
/// held them (a stolen laptop, a moved clerk) loses access with the change, not at expiry.
/// An admin may not deactivate or demote itself, so the district can never lock itself out:
/// whoever makes such a change remains an active admin.
extension UserRoutes {
    static func update(_ context: APIContext) throws -> HTTPResponse {
        let id = try context.parameters.id()
        let caller = try context.caller()
        let (changes, errors) = UserInput.changes(try context.jsonObject())
        guard errors.isEmpty, let changes else { throw HTTPError.validation(errors) }
        let hash = try changes.password.map { try context.services.passwordChecks.hash(password: $0) }  // outside the write, on the pool
        let user = try context.services.database.write { db -> UserRecord in
            guard let current = try UserRecord.find(db, id: id) else { throw HTTPError.notFound("no user has id \(id)") }
            try Conditional.requireMatch(context.request.headers, etag: Conditional.etag(version: current.version))
            let merged = try merge(changes, into: current, db: db)
            if let password = changes.password, let problem = PasswordPolicy.problem(password, username: merged.username) {
                throw HTTPError.validation([problem])
            }
            if current.id == caller.userID { try refuseSelfLockout(merged) }
            guard merged.differs(from: current) || hash != nil else { return current }
            try store(merged, id: id, passwordHash: hash, db: db, now: context.now)
            let revokes = hash != nil || merged.role != current.role || merged.institutionID != current.institutionID
                || (current.active && !merged.active)
            // Changing one's own password keeps the session that did it; every other token goes.
            let keep = current.id == caller.userID ? caller.tokenID : nil
            let revoked = revokes ? try UserStore.revokeTokens(db, userID: id, now: context.now, keeping: keep) : 0
            guard let updated = try UserRecord.find(db, id: id) else { throw HTTPError.notFound() }
            var extra: [(String, JSONValue)] = []
            if hash != nil { extra.append(("password_changed", .bool(true))) }
            if revoked > 0 { extra.append(("tokens_revoked", .number(JSONNumber(revoked)))) }
            try AuditTrail.record(db, context: context, entity: "user", id: id, action: "update",
                                  before: UserStore.auditJSON(current), after: UserStore.auditJSON(updated, extra: extra))
            return updated
        }
        return response(user)
    }

    static func deactivate(_ context: APIContext) throws -> HTTPResponse {
        let id = try context.parameters.id()
        let caller = try context.caller()
        try context.services.database.write { db in
            guard let current = try UserRecord.find(db, id: id) else { throw HTTPError.notFound("no user has id \(id)") }
            try Conditional.requireMatch(context.request.headers, etag: Conditional.etag(version: current.version))
            guard current.id != caller.userID else {
                throw HTTPError.conflict("you cannot deactivate your own account; ask another admin to do it")
            }
            guard current.active else { return }  // already inactive: nothing to change or record
            try db.execute("UPDATE users SET active = 0, updated_at = ?, version = version + 1 WHERE id = ?",
                           [context.now.description, id])
            let revoked = try UserStore.revokeTokens(db, userID: id, now: context.now)
            guard let updated = try UserRecord.find(db, id: id) else { throw HTTPError.notFound() }
            try AuditTrail.record(db, context: context, entity: "user", id: id, action: "deactivate",
                                  before: UserStore.auditJSON(current),
                                  after: UserStore.auditJSON(updated, extra: [("tokens_revoked", .number(JSONNumber(revoked)))]))
        }
        return HTTPResponse(status: 204)
    }

    /// The user's fields after a PATCH.
    struct MergedUser {
        var username: String
        var displayName: String
        var role: Role
        var institutionID: Int64?
        var active: Bool

        func differs(from user: UserRecord) -> Bool {
            username != user.username || displayName != user.displayName || role != user.role
                || institutionID != user.institutionID || active != user.active
        }
    }

    /// Applies the changes and checks what spans fields and rows: the username's uniqueness
    /// and the role/institution rule. Leaving the clerk role drops the institution by itself.
    private static func merge(_ changes: UserChanges, into current: UserRecord, db: Connection) throws -> MergedUser {
        let role = changes.role ?? current.role
        let institutionID: Int64? = changes.institutionID ?? (role == .clerk ? current.institutionID : nil)
        let merged = MergedUser(username: changes.username ?? current.username,
                                displayName: changes.displayName ?? current.displayName,
                                role: role, institutionID: institutionID, active: changes.active ?? current.active)
        if let problem = UserInput.institutionProblem(role: role, institutionID: institutionID) {
            let code = institutionID == nil ? FieldError.Code.required : FieldError.Code.invalidValue
            throw HTTPError.validation([FieldError(field: "institution_id", code: code, message: problem)])
        }
        if let institutionID, institutionID != current.institutionID,
           let error = try UserStore.institutionError(db, id: institutionID) {
            throw HTTPError.validation([error])
        }
        if merged.username != current.username {
            try UserStore.requireUniqueUsername(db, merged.username, except: current.id)
        }
        return merged
    }

    private static func refuseSelfLockout(_ merged: MergedUser) throws {
        if !merged.active {
            throw HTTPError.conflict("you cannot deactivate your own account; ask another admin to do it", field: "active")
        }
        if merged.role != .admin {
            throw HTTPError.conflict("you cannot remove your own admin role; ask another admin to do it", field: "role")
        }
    }

    private static func store(_ merged: MergedUser, id: Int64, passwordHash: String?, db: Connection, now: Timestamp) throws {
        do {
            try db.execute("""
                UPDATE users SET username = ?, display_name = ?, role = ?, institution_id = ?, active = ?,
                       password_hash = coalesce(?, password_hash), updated_at = ?, version = version + 1
                WHERE id = ?
                """, [merged.username, merged.displayName, merged.role.rawValue, merged.institutionID, merged.active,
                      passwordHash, now.description, id])
        } catch let error as DatabaseError where error.isUniqueConstraint {
            throw HTTPError.conflict("the username \(merged.username) is already taken", field: "username")
        }
    }
}
