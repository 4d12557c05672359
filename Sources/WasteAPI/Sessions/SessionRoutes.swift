import Foundation
import Hashing
import HTTPCore
import JSON
import Routing
import Storage
import WasteDomain

/// Login, logout and "who am I" (docs/API.md, Roles and Logins).
enum SessionRoutes {
    static func register(in routes: inout APIRoutes) {
        routes.add(.POST, "/v1/sessions", access: .anyone, summary: "Log in: exchange username and password for a session token",
                   tag: "auth", body: "LoginRequest", success: 201, response: "Session") { context in
            try login(context)
        }
        routes.add(.DELETE, "/v1/sessions/current", access: .authenticated, summary: "Log out: revoke the token of this request",
                   tag: "auth", success: 204, changesCredentials: true) { context in
            try logout(context)
        }
        routes.add(.GET, "/v1/me", access: .authenticated, summary: "The calling user and its token", tag: "auth",
                   response: "Me") { context in
            try me(context)
        }
    }

    private static func login(_ context: APIContext) throws -> HTTPResponse {
        var reader = JSONFieldReader(try context.jsonObject(), allowedKeys: ["username", "password", "totp"])
        let username = reader.string("username", required: true, minLength: 1, maxLength: 64)
        let password = reader.rawString("password", required: true, minLength: 1, maxLength: 1024)
        let totp = reader.string("totp", maxLength: 16)
        guard reader.isValid, let username, let password else { throw HTTPError.validation(reader.errors) }

        let client = context.clientAddress
        let throttle = context.services.loginThrottle
        if let lock = throttle.lock(username: username, client: client) {
            // An admin's `wastesort user unlock` lifts the locks of a username (not of a whole client).
            guard !lock.wholeClient,
                  try AccountUnlocks.unlocked(context.services.database, username: username, since: lock.since) else {
                let whom = lock.wholeClient ? "from your address" : "for \(username) from your address"
                throw HTTPError.tooManyRequests("too many failed logins \(whom); try again in \(lock.retryAfter) seconds",
                                                retryAfter: lock.retryAfter)
            }
            throttle.unlock(username: username)
        }
        let (stored, totpState) = try context.services.database.read { db -> (Row?, SecondFactor.State?) in
            let row = try db.queryOne("SELECT id, role, password_hash FROM users WHERE username = ? AND active = 1", [username])
            return (row, try row.flatMap { try SecondFactor.load(db, userID: try $0.int64("id")) })
        }
        let hash = try stored?.string("password_hash") ?? Self.decoyHash
        // No delay on failure: a sleeping handler thread was the flood's lever (issue 13, F2);
        // the throttle and the bounded check pool limit guessing instead.
        let verified = try context.services.passwordChecks.verify(password: password, against: hash)
        guard verified, let stored, let role = Role(rawValue: try stored.string("role")) else {
            throttle.recordFailure(username: username, client: client)
            throw HTTPError.unauthorized("wrong username or password")
        }
        let userID = try stored.int64("id")
        let settings = try context.services.settings.current()
        let outcome: SecondFactor.Outcome
        do throws(SecondFactor.Failure) {
            outcome = try SecondFactor.outcome(totpState, code: totp, role: role, settings: settings, now: context.now)
        } catch {
            if error.countsAsFailure { throttle.recordFailure(username: username, client: client) }
            throw error.error
        }
        throttle.recordSuccess(username: username, client: client)
        return try issueSession(context, userID: userID, outcome: outcome)
    }

    /// Verified against when the username is unknown, so both paths cost the same time.
    private static let decoyHash = (try? PasswordHasher().hash(password: "decoy")) ?? ""

    private static func issueSession(_ context: APIContext, userID: Int64, outcome: SecondFactor.Outcome) throws -> HTTPResponse {
        let (token, hash) = try APIToken.generate()
        let now = context.now
        let enrolment = outcome == .enrolment
        let lifetime = enrolment ? SecondFactor.enrolmentLifetime : context.services.options.sessionLifetime
        let expires = now.adding(seconds: lifetime)
        let user = try context.services.database.write { db -> UserRecord in
            if case .code(let step) = outcome, !(try SecondFactor.consume(db, userID: userID, step: step)) {
                throw SecondFactor.replayed()
            }
            try db.execute("""
                INSERT INTO tokens (user_id, kind, name, token_hash, created_at, expires_at)
                VALUES (?, 'session', ?, ?, ?, ?)
                """, [userID, enrolment ? SecondFactor.enrolmentSessionName : "login", hash, now.description, expires.description])
            let tokenID = db.lastInsertRowID
            guard let user = try UserRecord.find(db, id: userID) else { throw HTTPError.unauthorized("wrong username or password") }
            try AuditTrail.record(db, context: context, actor: (userID, user.username), entity: "session", id: tokenID,
                                  action: "login", before: nil, after: .object(JSONObject([
                                      ("expires_at", .string(expires.description)),
                                      ("client", .string(context.clientAddress)),
                                      ("second_factor", .string(enrolment ? "enrolment required" : outcome == .none ? "none" : "totp")),
                                  ])))
            return user
        }
        var body: [(String, JSONValue)] = [
            ("token", .string(token)),
            ("expires_at", .string(expires.description)),
            ("user", user.json),
        ]
        if enrolment { body.append(("totp_enrolment_required", .bool(true))) }
        return .json(.object(JSONObject(body)), status: 201, headers: ["cache-control": "no-store"])
    }

    private static func logout(_ context: APIContext) throws -> HTTPResponse {
        let principal = try context.caller()
        try context.services.database.write { db in
            try db.execute("UPDATE tokens SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL",
                           [context.now.description, principal.tokenID])
            try AuditTrail.record(db, context: context, entity: principal.tokenKind == "session" ? "session" : "token",
                                  id: principal.tokenID, action: "revoke", before: nil, after: nil)
        }
        return HTTPResponse(status: 204)
    }

    private static func me(_ context: APIContext) throws -> HTTPResponse {
        let principal = try context.caller()
        let (user, token) = try context.services.database.read { db in
            (try UserRecord.find(db, id: principal.userID),
             try db.queryOne("SELECT id, kind, name, expires_at FROM tokens WHERE id = ?", [principal.tokenID]))
        }
        guard let user, let token else { throw HTTPError.unauthorized() }
        return .json(.object(JSONObject([
            ("user", user.json),
            ("token", .object(JSONObject([
                ("id", .number(JSONNumber(try token.int64("id")))),
                ("kind", .string(try token.string("kind"))),
                ("name", .string(try token.string("name"))),
                ("expires_at", try token.optionalString("expires_at").map(JSONValue.string) ?? .null),
            ]))),
        ])))
    }
}
