import Hashing
import Routing
import Throttling

/// PBKDF2 (verifying and hashing passwords) on a small bounded pool (docs/API.md, Logins; issue 13, F2).
///
/// Each check costs ~0.1–0.2 s of one core. Run on the handler threads, a flood of wrong logins
/// took every core and every worker; here at most `threads` checks run and `queue` wait, at a
/// lower scheduling priority, and a login past that is answered 429 with `Retry-After` at once.
/// No thread sleeps for a failure (docs/DECISIONS.md "Login throttling").
final class PasswordChecks: Sendable {
    let hasher: PasswordHasher
    private let pool: BoundedWorkPool

    init(hasher: PasswordHasher, threads: Int, queue: Int) {
        self.hasher = hasher
        pool = BoundedWorkPool(threads: threads, queueLimit: queue, name: "wastesort-passwords")
    }

    func verify(password: String, against encoded: String) throws(HTTPError) -> Bool {
        let hasher = hasher
        guard let verified = pool.run({ hasher.verify(password: password, against: encoded) }) else { throw Self.busy }
        return verified
    }

    func hash(password: String) throws -> String {
        let hasher = hasher
        guard let result = pool.run({ try? hasher.hash(password: password) }) else { throw Self.busy }
        guard let result else { throw HashingError("cannot hash the password (no random bytes)") }
        return result
    }

    /// The pool's threads hold the pool, not this object: they stop when the services go away.
    deinit { pool.shutdown() }

    static let busy = HTTPError.tooManyRequests("the server is checking too many passwords at once; try again in a second",
                                                retryAfter: 1)
}
