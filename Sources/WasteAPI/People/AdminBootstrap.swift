import Hashing
import Storage
import WasteDomain

/// The first start creates the user `admin` (docs/API.md, Roles): with `WASTESORT_ADMIN_PASSWORD` when
/// it is set, otherwise with a random one-time password that is returned to be printed once.
public enum AdminBootstrap {
    public enum Outcome: Equatable, Sendable {
        /// Users already exist; nothing was done.
        case existing
        /// `admin` was created with the given password.
        case created(password: String)
        /// `admin` was created with the password from the environment.
        case createdFromEnvironment
    }

    public static func ensureAdmin(_ database: DatabasePool, password: String?, iterations: Int = PasswordHasher.defaultIterations,
                                   clock: AppClock = .system) throws -> Outcome {
        let generated = try password ?? generatePassword()
        let hash = try PasswordHasher(iterations: iterations).hash(password: generated)
        let now = clock.now().description
        let created = try database.write { db -> Bool in
            guard try db.scalar("SELECT count(*) FROM users", as: Int.self) == 0 else { return false }
            try db.execute("""
                INSERT INTO users (username, display_name, role, password_hash, created_at, updated_at)
                VALUES ('admin', '管理员', 'admin', ?, ?, ?)
                """, [hash, now, now])
            try db.execute("""
                INSERT INTO audit_events (at, entity, entity_id, action, after)
                VALUES (?, 'user', ?, 'create', '{"username":"admin","role":"admin","by":"first start"}')
                """, [now, db.lastInsertRowID])
            return true
        }
        guard created else { return .existing }
        return password == nil ? .created(password: generated) : .createdFromEnvironment
    }

    /// 16 random bytes as base64url: 22 characters, no look-alike concerns for copy and paste.
    private static func generatePassword() throws -> String {
        Base64.encode(try SecureRandom.bytes(16), alphabet: .url)
    }
}
