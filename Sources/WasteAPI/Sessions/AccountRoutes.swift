import Hashing
import HTTPCore
import JSON
import Routing
import Storage
import WasteDomain

/// A user's own account (docs/API.md, Logins): `POST /v1/me/password`, and the TOTP second factor's
/// enrolment `POST /v1/me/totp` and confirmation `POST /v1/me/totp/confirm` (see ``SecondFactor``).
enum AccountRoutes {
    static func register(in routes: inout APIRoutes) {
        routes.add(.POST, "/v1/me/password", access: .authenticated,
                   summary: "Change your own password; your other sessions and API tokens are revoked",
                   tag: "auth", body: "PasswordChange", response: "PasswordChanged", changesCredentials: true) { context in
            try changePassword(context)
        }
        routes.add(.POST, "/v1/me/totp", access: .authenticated,
                   summary: "Start TOTP enrolment: a new secret and its otpauth:// URI (not in force until confirmed)",
                   tag: "auth", success: 201, response: "TOTPEnrolment") { context in
            try enrol(context)
        }
        routes.add(.POST, "/v1/me/totp/confirm", access: .authenticated,
                   summary: "Turn TOTP on with a code from the app; from then on logging in needs a code",
                   tag: "auth", body: "TOTPConfirm", response: "TOTPStatus", changesCredentials: true) { context in
            try confirm(context)
        }
    }

    /// Throttled like a login (a stolen session must not become a password oracle), checked on
    /// the bounded pool, and revokes every other token of the user: a password is changed when
    /// it may have leaked, and whoever holds the old one's sessions should lose them too.
    private static func changePassword(_ context: APIContext) throws -> HTTPResponse {
        let caller = try context.caller()
        var reader = JSONFieldReader(try context.jsonObject(), allowedKeys: ["current_password", "new_password"])
        let current = reader.rawString("current_password", required: true, minLength: 1, maxLength: 1024)
        let new = reader.rawString("new_password", required: true, maxLength: PasswordPolicy.length.upperBound)
        if let new, let problem = PasswordPolicy.problem(new, username: caller.username, field: "new_password") {
            reader.append(contentsOf: [problem])
        }
        if let new, let current, new == current {
            reader.addError("new_password", code: FieldError.Code.invalidValue, message: "must differ from the current password")
        }
        guard reader.isValid, let current, let new else { throw HTTPError.validation(reader.errors) }

        let client = context.clientAddress
        let throttle = context.services.loginThrottle
        if let lock = throttle.lock(username: caller.username, client: client) {
            throw HTTPError.tooManyRequests("too many wrong passwords; try again in \(lock.retryAfter) seconds",
                                            retryAfter: lock.retryAfter)
        }
        let stored = try context.services.database.read { db in
            try db.scalar("SELECT password_hash FROM users WHERE id = ?", [caller.userID], as: String.self)
        }
        guard let stored, try context.services.passwordChecks.verify(password: current, against: stored) else {
            throttle.recordFailure(username: caller.username, client: client)
            throw HTTPError.validation([FieldError(field: "current_password", code: FieldError.Code.invalidValue,
                                                   message: "is not your current password")])
        }
        throttle.recordSuccess(username: caller.username, client: client)
        let hash = try context.services.passwordChecks.hash(password: new)
        let revoked = try context.services.database.write { db -> Int in
            try db.execute("UPDATE users SET password_hash = ?, updated_at = ?, version = version + 1 WHERE id = ?",
                           [hash, context.now.description, caller.userID])
            let revoked = try UserStore.revokeTokens(db, userID: caller.userID, now: context.now, keeping: caller.tokenID)
            try AuditTrail.record(db, context: context, entity: "user", id: caller.userID, action: "change_password",
                                  before: nil, after: .object(JSONObject([("tokens_revoked", .number(JSONNumber(revoked)))])))
            return revoked
        }
        return .json(.object(JSONObject([("tokens_revoked", .number(JSONNumber(revoked)))])))
    }

    /// A fresh 160-bit secret (RFC 4226 §4 recommends 160 bits), replacing any unconfirmed one.
    /// Refused while TOTP is on: a stolen session must not be able to move the second factor.
    private static func enrol(_ context: APIContext) throws -> HTTPResponse {
        let caller = try context.caller()
        let secret = Base32.encode(try SecureRandom.bytes(20))
        try context.services.database.write { db in
            if let state = try SecondFactor.load(db, userID: caller.userID), state.enabled {
                throw HTTPError.conflict("TOTP is already on for \(caller.username); an admin can reset it with wastesort user reset-totp")
            }
            try db.execute("""
                INSERT INTO user_totp (user_id, secret, created_at) VALUES (?, ?, ?)
                ON CONFLICT(user_id) DO UPDATE SET secret = excluded.secret, created_at = excluded.created_at,
                    enabled_at = NULL, last_step = 0
                """, [caller.userID, secret, context.now.description])
            try AuditTrail.record(db, context: context, entity: "user", id: caller.userID, action: "totp_enrol",
                                  before: nil, after: nil)
        }
        return .json(.object(JSONObject([
            ("secret", .string(secret)),
            ("otpauth_uri", .string(otpauthURI(secret: secret, username: caller.username))),
        ])), status: 201, headers: ["cache-control": "no-store"])
    }

    private static func confirm(_ context: APIContext) throws -> HTTPResponse {
        let caller = try context.caller()
        var reader = JSONFieldReader(try context.jsonObject(), allowedKeys: ["code"])
        let code = reader.string("code", required: true, minLength: 1, maxLength: 16)
        guard reader.isValid, let code else { throw HTTPError.validation(reader.errors) }
        try context.services.database.write { db in
            guard let state = try SecondFactor.load(db, userID: caller.userID), !state.enabled else {
                throw HTTPError.conflict("there is no TOTP enrolment to confirm; start one with POST /v1/me/totp")
            }
            guard let step = OneTimePassword.matchingStep(secret: state.secret, code: code, at: context.now.secondsSinceEpoch) else {
                throw HTTPError.validation([FieldError(field: "code", code: FieldError.Code.invalidValue,
                                                       message: "does not match the secret; check the app's clock and try the current code")])
            }
            try db.execute("UPDATE user_totp SET enabled_at = ?, last_step = ? WHERE user_id = ?",
                           [context.now.description, step, caller.userID])
            // An enrolment-only session has done its job: the user logs in again with a code.
            if caller.enrolmentOnly {
                try db.execute("UPDATE tokens SET revoked_at = ? WHERE id = ?", [context.now.description, caller.tokenID])
            }
            try AuditTrail.record(db, context: context, entity: "user", id: caller.userID, action: "totp_enable",
                                  before: nil, after: nil)
        }
        return .json(.object(JSONObject([("enabled", .bool(true))])))
    }

    /// `otpauth://totp/wastesort:USER?secret=…&issuer=wastesort&algorithm=SHA1&digits=6&period=30`
    /// (the Key Uri Format authenticator apps read). Usernames are URL-safe by their own rule.
    static func otpauthURI(secret: String, username: String) -> String {
        "otpauth://totp/wastesort:\(username)?secret=\(secret)&issuer=wastesort&algorithm=SHA1&digits=6&period=30"
    }
}
