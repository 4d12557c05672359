import HTTPCore
import JSON
import Routing
import Storage
import WasteDomain

/// `GET|POST /v1/tokens`, `DELETE /v1/tokens/{id}` (docs/API.md, Roles): long-lived API tokens for scripts
/// and dashboards, open to every role; a token acts with its owner's current role.
///
/// Idempotency-Key is accepted on `POST`, but the replay store never holds a token's text
/// (docs/API.md, Roles: tokens are stored only as hashes, and the database and its backups must not
/// become a place to steal them). A replay therefore returns the first response with
/// `"token": null`: the retrying script learns the token was made (its id) and creates
/// nothing twice; if it lost the first response it revokes that id and asks again.
enum TokenRoutes {
    static func register(in routes: inout APIRoutes) {
        routes.add(.GET, "/v1/tokens", access: .authenticated,
                   summary: "The caller's session and API tokens (admins: another user's with user_id)",
                   tag: "auth", query: ["user_id", "limit", "cursor"], response: "TokenList") { context in
            try list(context)
        }
        routes.add(.POST, "/v1/tokens", access: .authenticated,
                   summary: "Create an API token acting with the caller's role; its text is shown only in this response",
                   tag: "auth", body: "TokenCreate", success: 201, response: "TokenCreated") { context in
            try create(context)
        }
        routes.add(.DELETE, "/v1/tokens/{id}", access: .authenticated,
                   summary: "Revoke one of the caller's tokens (admins: anyone's)", tag: "auth", success: 204,
                   changesCredentials: true) { context in
            try revoke(context)
        }
    }

    private static func list(_ context: APIContext) throws -> HTTPResponse {
        let caller = try context.caller()
        let query = try context.query()
        let page = try Page(query)
        var userID = caller.userID
        if let requested = try query.int("user_id", range: 1...Int.max).map(Int64.init), requested != caller.userID {
            guard caller.role == .admin else {
                throw HTTPError.forbidden("only admins may list another user's tokens")
            }
            userID = requested
        }
        let rows = try context.services.database.read { db in
            try db.query("SELECT \(TokenStore.columns) FROM tokens WHERE user_id = ? AND id > ? ORDER BY id LIMIT ?",
                         [userID, page.afterID, page.limit + 1])
        }
        let (items, next) = page.split(rows) { (try? $0.int64("id")) ?? 0 }
        return .json(Page.body(items: try items.map(TokenStore.json), next: next))
    }

    private static func create(_ context: APIContext) throws -> HTTPResponse {
        let caller = try context.caller()
        let now = context.now
        let (draft, errors) = TokenStore.draft(try context.jsonObject(), now: now)
        guard errors.isEmpty, let draft else { throw HTTPError.validation(errors) }
        return try context.services.database.write { db in
            var issued: IssuedToken?
            let stored = try Idempotency.run(context, in: db) { db in
                let token = try TokenStore.insert(db, userID: caller.userID, draft, now: now)
                issued = token
                try AuditTrail.record(db, context: context, entity: "token", id: token.id, action: "create", before: nil,
                                      after: TokenStore.auditJSON(userID: caller.userID, kind: "api", name: token.name,
                                                                  expiresAt: token.expiresAt?.description))
                return response(token, withToken: false)  // what a replay may show
            }
            guard let issued else { return stored }  // a replay
            return response(issued, withToken: true)
        }
    }

    private static func response(_ token: IssuedToken, withToken: Bool) -> HTTPResponse {
        .json(token.json(withToken: withToken), status: 201,
              headers: ["location": "/v1/tokens/\(token.id)", "cache-control": "no-store"])
    }

    /// The owner or an admin revokes; anyone else is told the token does not exist.
    private static func revoke(_ context: APIContext) throws -> HTTPResponse {
        let caller = try context.caller()
        let id = try context.parameters.id()
        try context.services.database.write { db in
            guard let row = try db.queryOne("SELECT \(TokenStore.columns) FROM tokens WHERE id = ?", [id]),
                  try row.int64("user_id") == caller.userID || caller.role == .admin else {
                throw HTTPError.notFound("you have no token with id \(id)")
            }
            guard try row.optionalString("revoked_at") == nil else { return }  // revoking twice changes nothing
            try db.execute("UPDATE tokens SET revoked_at = ? WHERE id = ?", [context.now.description, id])
            let kind = try row.string("kind")
            try AuditTrail.record(db, context: context, entity: kind == "session" ? "session" : "token", id: id,
                                  action: "revoke", before: nil,
                                  after: TokenStore.auditJSON(userID: try row.int64("user_id"), kind: kind,
                                                              name: try row.string("name"),
                                                              expiresAt: try row.optionalString("expires_at")))
        }
        return HTTPResponse(status: 204)
    }
}
