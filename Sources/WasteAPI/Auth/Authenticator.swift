import Foundation
import Hashing
import HTTPCore
import Routing
import Storage
import WasteDomain

/// Resolves `Authorization: Bearer <token>` to a principal.
///
/// Only the token's SHA-256 is stored; the row is found by hash and the hashes are then
/// compared in constant time. Unknown, expired, revoked, malformed: all a 401.
///
/// Resolved tokens are remembered for up to `cacheSeconds`, so polling dashboards cost no
/// database read per request. Routes that revoke tokens or change users declare it
/// (`changesCredentials`) and the cache is dropped right after their write commits; the
/// time limit bounds what another process (the command line) could change meanwhile.
final class Authenticator: Sendable {
    let database: DatabasePool
    let clock: AppClock
    static let cacheSeconds: Int64 = 30
    private let cache = TokenCache()

    init(database: DatabasePool, clock: AppClock) {
        self.database = database
        self.clock = clock
    }

    /// The caller without touching the database: `.some(nil)` for a request without
    /// credentials, the principal when its token is remembered, nil when only `authenticate`
    /// (which reads the database) can tell.
    func cachedPrincipal(_ headers: HTTPHeaders) -> Principal?? {
        let values = headers.values("authorization")
        guard let header = values.first else { return .some(nil) }
        let parts = header.split(separator: " ", maxSplits: 1, omittingEmptySubsequences: true)
        guard values.count == 1, parts.count == 2, parts[0].lowercased() == "bearer" else { return nil }
        let hash = APIToken.hash(Self.trimmed(parts[1]))
        let now = clock.now().secondsSinceEpoch
        guard let hit = cache[hash], now < hit.until else { return nil }
        return .some(hit.principal)
    }

    /// The token without surrounding spaces. Foundation's trimming is only asked for when an
    /// end really is white space: it costs more than the cached lookup it precedes.
    private static func trimmed(_ text: Substring) -> String {
        let scalars = text.unicodeScalars
        guard let first = scalars.first, let last = scalars.last,
              first.properties.isWhitespace || last.properties.isWhitespace else { return String(text) }
        return String(text).trimmingCharacters(in: .whitespaces)
    }

    /// Forgets every remembered token (after a revocation or a change to a user).
    func invalidate() {
        cache.removeAll()
    }

    /// The principal, nil when no Authorization header was sent; throws 401 for a bad one.
    func authenticate(_ headers: HTTPHeaders) throws -> Principal? {
        let values = headers.values("authorization")
        guard let header = values.first else { return nil }
        guard values.count == 1 else { throw HTTPError.unauthorized("send one Authorization header") }
        let parts = header.split(separator: " ", maxSplits: 1, omittingEmptySubsequences: true)
        guard parts.count == 2, parts[0].lowercased() == "bearer" else {
            throw HTTPError.unauthorized("the Authorization header must be \"Bearer <token>\"")
        }
        let token = Self.trimmed(parts[1])
        guard APIToken.isWellFormed(token) else { throw HTTPError.unauthorized("the bearer token is malformed") }
        let hash = APIToken.hash(token)
        let instant = clock.now()
        if let hit = cache[hash], instant.secondsSinceEpoch < hit.until { return hit.principal }
        let now = instant.description
        let epoch = cache.epoch
        let row = try database.read { db in
            try db.queryOne("""
                SELECT t.id, t.kind, t.name, t.token_hash, t.expires_at, u.id AS user_id, u.username, u.role, u.institution_id
                FROM tokens t JOIN users u ON u.id = t.user_id
                WHERE t.token_hash = ? AND t.revoked_at IS NULL AND (t.expires_at IS NULL OR t.expires_at > ?)
                  AND u.active = 1
                """, [hash, now])
        }
        guard let row, ConstantTime.equals(Array(try row.string("token_hash").utf8), Array(hash.utf8)) else {
            throw HTTPError.unauthorized("the bearer token is unknown, expired or revoked")
        }
        let role: Role = try StoredValues.enumeration(row, "role")
        let principal = Principal(userID: try row.int64("user_id"), username: try row.string("username"), role: role,
                                  institutionID: try row.optionalInt64("institution_id"), tokenID: try row.int64("id"),
                                  tokenKind: try row.string("kind"),
                                  enrolmentOnly: try row.string("name") == SecondFactor.enrolmentSessionName)
        var until = instant.secondsSinceEpoch + Self.cacheSeconds
        if let expires = try row.optionalString("expires_at").flatMap(Timestamp.init(parsing:)) {
            until = min(until, expires.secondsSinceEpoch)
        }
        cache.remember(hash, principal: principal, until: until, readAt: epoch)
        return principal
    }
}
