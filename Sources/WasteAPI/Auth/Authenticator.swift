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
struct Authenticator: Sendable {
    let database: DatabasePool
    let clock: AppClock

    /// The principal, nil when no Authorization header was sent; throws 401 for a bad one.
    func authenticate(_ headers: HTTPHeaders) throws -> Principal? {
        let values = headers.values("authorization")
        guard let header = values.first else { return nil }
        guard values.count == 1 else { throw HTTPError.unauthorized("send one Authorization header") }
        let parts = header.split(separator: " ", maxSplits: 1, omittingEmptySubsequences: true)
        guard parts.count == 2, parts[0].lowercased() == "bearer" else {
            throw HTTPError.unauthorized("the Authorization header must be \"Bearer <token>\"")
        }
        let token = String(parts[1]).trimmingCharacters(in: .whitespaces)
        guard APIToken.isWellFormed(token) else { throw HTTPError.unauthorized("the bearer token is malformed") }
        let hash = APIToken.hash(token)
        let now = clock.now().description
        let row = try database.read { db in
            try db.queryOne("""
                SELECT t.id, t.kind, t.token_hash, u.id AS user_id, u.username, u.role, u.institution_id
                FROM tokens t JOIN users u ON u.id = t.user_id
                WHERE t.token_hash = ? AND t.revoked_at IS NULL AND (t.expires_at IS NULL OR t.expires_at > ?)
                  AND u.active = 1
                """, [hash, now])
        }
        guard let row, ConstantTime.equals(Array(try row.string("token_hash").utf8), Array(hash.utf8)),
              let role = Role(rawValue: try row.string("role")) else {
            throw HTTPError.unauthorized("the bearer token is unknown, expired or revoked")
        }
        return Principal(userID: try row.int64("user_id"), username: try row.string("username"), role: role,
                         institutionID: try row.optionalInt64("institution_id"), tokenID: try row.int64("id"),
                         tokenKind: try row.string("kind"))
    }
}
