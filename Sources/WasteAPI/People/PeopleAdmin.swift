import Hashing
import JSON
import Routing
import Storage
import WasteDomain

/// Users and tokens for the command line (`wastesort user`, `wastesort token`), through the
/// same validation and storage as the HTTP API, so a rule cannot differ between the two.
public enum PeopleAdmin {
    /// A problem the operator can fix, as one line (field names are given as their flags).
    public struct Failure: Error, CustomStringConvertible, Sendable {
        public let description: String
    }

    public struct UserSummary: Sendable, Equatable {
        public let id: Int64
        public let username: String
        public let displayName: String
        public let role: String
        public let institutionID: Int64?
        public let active: Bool
    }

    public struct CreatedToken: Sendable {
        public let id: Int64
        /// Shown once; only its hash is stored.
        public let token: String
        public let expiresAt: String?
    }

    /// The source recorded in the audit log for changes made here.
    static let auditSource = "command line"

    /// Creates a user; `displayName` defaults to the username.
    public static func createUser(in database: DatabasePool, username: String, displayName: String? = nil, role: String,
                                  institutionID: Int64? = nil, password: String,
                                  passwordIterations: Int = PasswordHasher.defaultIterations,
                                  clock: AppClock = .system) throws -> UserSummary {
        var fields: [(String, JSONValue)] = [
            ("username", .string(username)), ("display_name", .string(displayName ?? username)),
            ("role", .string(role)), ("password", .string(password)),
        ]
        if let institutionID { fields.append(("institution_id", .number(JSONNumber(institutionID)))) }
        let (draft, errors) = UserInput.create(JSONObject(fields))
        guard errors.isEmpty, let draft else { throw failure(HTTPError.validation(errors)) }
        let hash = try PasswordHasher(iterations: passwordIterations).hash(password: draft.password)
        let now = clock.now()
        let user = try translating {
            try database.write { db -> UserRecord in
                let user = try UserStore.insert(db, draft, passwordHash: hash, now: now)
                try AuditTrail.record(db, at: now, source: auditSource, entity: "user", id: user.id, action: "create",
                                      after: UserStore.auditJSON(user))
                return user
            }
        }
        return summary(user)
    }

    /// Every user, in id order.
    public static func listUsers(in database: DatabasePool) throws -> [UserSummary] {
        try database.read { db in
            try db.query("SELECT \(UserRecord.columns) FROM users ORDER BY id").map { summary(try UserRecord(row: $0)) }
        }
    }

    /// Creates an API token for an active user; `expiresAt` is RFC 3339 or nil for no expiry.
    public static func createToken(in database: DatabasePool, username: String, name: String, expiresAt: String? = nil,
                                   clock: AppClock = .system) throws -> CreatedToken {
        let now = clock.now()
        var fields: [(String, JSONValue)] = [("name", .string(name))]
        if let expiresAt { fields.append(("expires_at", .string(expiresAt))) }
        let (draft, errors) = TokenStore.draft(JSONObject(fields), now: now)
        guard errors.isEmpty, let draft else { throw failure(HTTPError.validation(errors)) }
        let issued = try translating {
            try database.write { db -> IssuedToken in
                guard let row = try db.queryOne("SELECT id, active FROM users WHERE username = ?", [username]) else {
                    throw Failure(description: "no user is called \(username)")
                }
                guard try row.bool("active") else { throw Failure(description: "user \(username) is deactivated") }
                let userID = try row.int64("id")
                let token = try TokenStore.insert(db, userID: userID, draft, now: now)
                try AuditTrail.record(db, at: now, source: auditSource, entity: "token", id: token.id, action: "create",
                                      after: TokenStore.auditJSON(userID: userID, kind: "api", name: token.name,
                                                                  expiresAt: token.expiresAt?.description))
                return token
            }
        }
        return CreatedToken(id: issued.id, token: issued.token, expiresAt: issued.expiresAt?.description)
    }

    /// Lifts every login lock on the username (`wastesort user unlock`), recorded for the
    /// running server to see (``AccountUnlocks``) and in the audit log.
    public static func unlock(in database: DatabasePool, username: String, clock: AppClock = .system) throws {
        let now = clock.now()
        try translating {
            try database.write { db in
                guard let id = try db.scalar("SELECT id FROM users WHERE username = ?", [username], as: Int64.self) else {
                    throw Failure(description: "no user is called \(username)")
                }
                try AccountUnlocks.record(db, username: username, at: now)
                try AuditTrail.record(db, at: now, source: auditSource, entity: "user", id: id, action: "unlock", after: nil)
            }
        }
    }

    /// Turns a user's TOTP off (a lost phone) and revokes its tokens; the user logs in with the
    /// password alone (or enrols again, when its role requires TOTP).
    public static func resetTOTP(in database: DatabasePool, username: String, clock: AppClock = .system) throws {
        let now = clock.now()
        try translating {
            try database.write { db in
                guard let id = try db.scalar("SELECT id FROM users WHERE username = ?", [username], as: Int64.self) else {
                    throw Failure(description: "no user is called \(username)")
                }
                try db.execute("DELETE FROM user_totp WHERE user_id = ?", [id])
                guard db.changes > 0 else { throw Failure(description: "user \(username) has no TOTP") }
                let revoked = try UserStore.revokeTokens(db, userID: id, now: now)
                try AuditTrail.record(db, at: now, source: auditSource, entity: "user", id: id, action: "totp_reset",
                                      after: .object(JSONObject([("tokens_revoked", .number(JSONNumber(revoked)))])))
            }
        }
    }

    /// A random password for a user created without one: 16 random bytes as base64url.
    public static func generatePassword() throws -> String {
        Base64.encode(try SecureRandom.bytes(16), alphabet: .url)
    }

    private static func summary(_ user: UserRecord) -> UserSummary {
        UserSummary(id: user.id, username: user.username, displayName: user.displayName, role: user.role.rawValue,
                    institutionID: user.institutionID, active: user.active)
    }

    private static func translating<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as HTTPError {
            throw failure(error)
        }
    }

    /// One line: each bad field named as its command-line flag (`--institution-id: …`).
    private static func failure(_ error: HTTPError) -> Failure {
        guard !error.errors.isEmpty else { return Failure(description: error.detail) }
        let parts = error.errors.map { "\(flag($0.field)): \($0.message)" }
        return Failure(description: parts.joined(separator: "; "))
    }

    private static func flag(_ field: String) -> String {
        "--" + String(field.map { $0 == "_" ? "-" : $0 })
    }
}
