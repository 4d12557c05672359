import HTTPCore
import JSON
import Routing
import Storage
import WasteDomain

/// `GET|POST /v1/users`, `GET /v1/users/{id}` (docs/API.md, Auth and people); changes and
/// deactivation are in `UserRoutes+Changes.swift`. Admins only: users are the keys to the data.
enum UserRoutes {
    static func register(in routes: inout APIRoutes) {
        routes.add(.GET, "/v1/users", access: .admin, summary: "List users, filtered by role, institution, active or text",
                   tag: "users", query: ["role", "institution_id", "active", "q", "limit", "cursor"],
                   response: "UserList") { context in
            try list(context)
        }
        routes.add(.POST, "/v1/users", access: .admin, summary: "Create a user (clerks need an active institution)",
                   tag: "users", body: "UserCreate", success: 201, response: "User") { context in
            try create(context)
        }
        routes.add(.GET, "/v1/users/{id}", access: .admin, summary: "One user", tag: "users", response: "User") { context in
            try show(context)
        }
        routes.add(.PATCH, "/v1/users/{id}", access: .admin,
                   summary: "Change a user; a new password, role, institution or deactivation revokes its tokens",
                   tag: "users", body: "UserPatch", response: "User", changesCredentials: true) { context in
            try update(context)
        }
        routes.add(.DELETE, "/v1/users/{id}", access: .admin,
                   summary: "Deactivate a user and revoke its tokens (the row stays for the audit log)",
                   tag: "users", success: 204, changesCredentials: true) { context in
            try deactivate(context)
        }
    }

    static func location(_ id: Int64) -> String { "/v1/users/\(id)" }

    /// The user as a response, with its ETag.
    static func response(_ user: UserRecord, status: Int = 200) -> HTTPResponse {
        var headers: HTTPHeaders = ["etag": Conditional.etag(version: user.version)]
        if status == 201 { headers.set("location", location(user.id)) }
        return .json(user.json, status: status, headers: headers)
    }

    private static func list(_ context: APIContext) throws -> HTTPResponse {
        let query = try context.query()
        let page = try Page(query)
        var conditions = ["id > ?"]
        var arguments: [any SQLValueConvertible] = [page.afterID]
        if let role = try query.oneOf("role", Role.allCases.map(\.rawValue)) {
            conditions.append("role = ?")
            arguments.append(role)
        }
        if let institutionID = try query.int("institution_id", range: 1...Int.max) {
            conditions.append("institution_id = ?")
            arguments.append(Int64(institutionID))
        }
        if let active = try query.oneOf("active", ["true", "false"]) {
            conditions.append("active = ?")
            arguments.append(active == "true")
        }
        if let text = query["q"], !text.isEmpty {
            conditions.append("(username LIKE ? ESCAPE '\\' OR display_name LIKE ? ESCAPE '\\')")
            let pattern = "%" + likeEscaped(text) + "%"
            arguments.append(contentsOf: [pattern, pattern])
        }
        arguments.append(page.limit + 1)
        let users = try context.services.database.read { db in
            try db.query("""
                SELECT \(UserRecord.columns) FROM users WHERE \(conditions.joined(separator: " AND "))
                ORDER BY id LIMIT ?
                """, arguments).map(UserRecord.init)
        }
        let (items, next) = page.split(users, id: \.id)
        return .json(Page.body(items: items.map(\.json), next: next))
    }

    /// `%`, `_` and the escape character itself match literally in `q`.
    static func likeEscaped(_ text: String) -> String {
        var escaped = ""
        for character in text {
            if character == "%" || character == "_" || character == "\\" { escaped.append("\\") }
            escaped.append(character)
        }
        return escaped
    }

    private static func create(_ context: APIContext) throws -> HTTPResponse {
        let body = try context.jsonObject()
        var (draft, errors) = UserInput.create(body)
        // Report an unknown institution together with the body's other problems; it is checked
        // again in the write transaction, where it counts.
        if !errors.contains(where: { $0.field == "institution_id" }), let institutionID = body["institution_id"]?.numberValue?.int64,
           let error = try context.services.database.read({ db in try UserStore.institutionError(db, id: institutionID) }) {
            errors.append(error)
        }
        guard errors.isEmpty, let draft else { throw HTTPError.validation(errors) }
        let hash = try context.services.passwordChecks.hash(password: draft.password)  // slow: outside the write, on the bounded pool
        return try context.services.database.write { db in
            try Idempotency.run(context, in: db) { db in
                let user = try UserStore.insert(db, draft, passwordHash: hash, now: context.now)
                try AuditTrail.record(db, context: context, entity: "user", id: user.id, action: "create",
                                      before: nil, after: UserStore.auditJSON(user))
                return response(user, status: 201)
            }
        }
    }

    private static func show(_ context: APIContext) throws -> HTTPResponse {
        let id = try context.parameters.id()
        guard let user = try context.services.database.read({ db in try UserRecord.find(db, id: id) }) else {
            throw HTTPError.notFound("no user has id \(id)")
        }
        let etag = Conditional.etag(version: user.version)
        if Conditional.isNotModified(context.request.headers, etag: etag) { return Conditional.notModified(etag: etag) }
        return response(user)
    }
}
