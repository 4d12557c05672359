import Foundation
import Hashing
import HTTPCore
import JSON
import Routing
import Storage
import WasteDomain

/// Login, logout and "who am I" (docs/API.md, Roles).
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
        var reader = JSONFieldReader(try context.jsonObject(), allowedKeys: ["username", "password"])
        let username = reader.string("username", required: true, minLength: 1, maxLength: 64)
        let password = reader.string("password", required: true, minLength: 1, maxLength: 1024)
        guard reader.isValid, let username, let password else { throw HTTPError.validation(reader.errors) }

        let throttle = context.services.loginThrottle
        if let wait = throttle.retryAfter(username: username) {
            throw HTTPError.tooManyRequests("too many failed logins for \(username); try again in \(wait) seconds", retryAfter: wait)
        }
        let stored = try context.services.database.read { db in
            try db.queryOne("SELECT id, password_hash FROM users WHERE username = ? AND active = 1", [username])
        }
        let hash = try stored?.string("password_hash") ?? Self.decoyHash
        let verified = context.services.passwords.verify(password: password, against: hash)
        guard verified, let stored else {
            Thread.sleep(forTimeInterval: throttle.recordFailure(username: username))
            throw HTTPError.unauthorized("wrong username or password")
        }
        throttle.recordSuccess(username: username)
        return try issueSession(context, userID: try stored.int64("id"))
    }

    /// Verified against when the username is unknown, so both paths cost the same time.
    private static let decoyHash = (try? PasswordHasher().hash(password: "decoy")) ?? ""

    private static func issueSession(_ context: APIContext, userID: Int64) throws -> HTTPResponse {
        let (token, hash) = try APIToken.generate()
        let now = context.now
        let expires = now.adding(seconds: context.services.options.sessionLifetime)
        let user = try context.services.database.write { db -> UserRecord in
            try db.execute("""
                INSERT INTO tokens (user_id, kind, name, token_hash, created_at, expires_at)
                VALUES (?, 'session', 'login', ?, ?, ?)
                """, [userID, hash, now.description, expires.description])
            let tokenID = db.lastInsertRowID
            guard let user = try UserRecord.find(db, id: userID) else { throw HTTPError.unauthorized("wrong username or password") }
            try AuditTrail.record(db, context: context, actor: (userID, user.username), entity: "session", id: tokenID,
                                  action: "login", before: nil, after: .object(JSONObject([("expires_at", .string(expires.description))])))
            return user
        }
        return .json(.object(JSONObject([
            ("token", .string(token)),
            ("expires_at", .string(expires.description)),
            ("user", user.json),
        ])), status: 201, headers: ["cache-control": "no-store"])
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
