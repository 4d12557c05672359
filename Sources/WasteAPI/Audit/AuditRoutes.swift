import HTTPCore
import JSON
import Routing
import Storage

/// `GET /v1/audit-events` (admin): who changed what, when, from what to what (docs/API.md).
///
/// Newest first: the office asks "what happened lately" far more often than "what happened
/// first". The cursor carries the id of the last event shown; the next page holds the older
/// events, so events recorded while paging never shift a page or repeat.
enum AuditRoutes {
    static func register(in routes: inout APIRoutes) {
        routes.add(.GET, "/v1/audit-events", access: .admin,
                   summary: "Audit events, newest first, by entity, actor, action and time",
                   tag: "audit", query: AuditFilter.parameters, response: "AuditEventList") { context in
            try list(context)
        }
    }

    private static func list(_ context: APIContext) throws -> HTTPResponse {
        let query = try context.query()
        let page = try Page(query)
        let filter = try AuditFilter(query, utcOffsetMinutes: try context.services.settings.current().utcOffsetMinutes)
        var conditions = filter.conditions
        var arguments = filter.arguments
        if page.afterID > 0 {
            conditions.append("id < ?")  // the cursor is the last (oldest) id already shown
            arguments.append(page.afterID)
        }
        arguments.append(page.limit + 1)
        let whereClause = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
        let rows = try context.services.database.read { db in
            try db.query("""
                SELECT id, at, actor_id, actor_username, entity, entity_id, action, before, after
                FROM audit_events \(whereClause) ORDER BY id DESC LIMIT ?
                """, arguments)
        }
        let (items, next) = page.split(rows) { (try? $0.int64("id")) ?? 0 }
        return .json(Page.body(items: try items.map(eventJSON), next: next))
    }

    /// `{id, at, actor: {id, username} | null, entity, entity_id, action, before, after}`.
    static func eventJSON(_ row: Row) throws -> JSONValue {
        let actorID = try row.optionalInt64("actor_id")
        let actorName = try row.optionalString("actor_username")
        let actor: JSONValue = actorID == nil && actorName == nil ? .null : .object(JSONObject([
            ("id", actorID.map { .number(JSONNumber($0)) } ?? .null),
            ("username", actorName.map(JSONValue.string) ?? .null),
        ]))
        return .object(JSONObject([
            ("id", .number(JSONNumber(try row.int64("id")))),
            ("at", .string(try row.string("at"))),
            ("actor", actor),
            ("entity", .string(try row.string("entity"))),
            ("entity_id", try row.optionalInt64("entity_id").map { .number(JSONNumber($0)) } ?? .null),
            ("action", .string(try row.string("action"))),
            ("before", stored(try row.optionalString("before"))),
            ("after", stored(try row.optionalString("after"))),
        ]))
    }

    /// The stored JSON text back as JSON; text that does not parse is shown as a string.
    private static func stored(_ text: String?) -> JSONValue {
        guard let text else { return .null }
        return (try? JSONValue.parse(Array(text.utf8))) ?? .string(text)
    }
}
