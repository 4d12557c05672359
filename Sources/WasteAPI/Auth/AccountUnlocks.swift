import Storage
import WasteDomain

/// Unlocks an admin recorded with `wastesort user unlock USERNAME` (table `login_unlocks`).
///
/// The login throttle lives in the server's memory, and the command line runs in another
/// process, so the command writes a row and the server reads it only when a lock would refuse
/// a login: an unlock recorded after the lock's first failure lifts every lock on the username.
/// Locked logins cost one indexed read; every other login costs nothing.
enum AccountUnlocks {
    static func record(_ db: Connection, username: String, at now: Timestamp) throws {
        try db.execute("INSERT INTO login_unlocks (username, unlocked_at) VALUES (?, ?)", [username, now.description])
    }

    /// Whether an unlock of the username was recorded at or after `since` (seconds since 1970).
    static func unlocked(_ database: DatabasePool, username: String, since: Int64) throws -> Bool {
        let stamp = Timestamp(secondsSinceEpoch: since).description
        return try database.read { db in
            try db.scalar("SELECT count(*) FROM login_unlocks WHERE username = ? AND unlocked_at >= ?",
                          [username, stamp], as: Int.self) ?? 0 > 0
        }
    }
}
