import JSON
import Storage
import WasteDomain

/// Records every write: who, when, what, before and after (docs/API.md, Conventions). Called inside the
/// write's own transaction, so a change and its audit entry commit or vanish together.
enum AuditTrail {
    static func record(_ db: Connection, context: APIContext, actor: (id: Int64, username: String)? = nil,
                       entity: String, id: Int64?, action: String, before: JSONValue?, after: JSONValue?) throws {
        try record(db, context: context, actor: actor, entity: entity, id: id, action: action,
                   beforeJSON: before?.serializedString(), afterJSON: after?.serializedString())
    }

    /// The same with `before` and `after` already serialised as JSON text, for writers that
    /// hold the bytes anyway (a ledger batch writes its entries once for the response and here).
    static func record(_ db: Connection, context: APIContext, actor: (id: Int64, username: String)? = nil,
                       entity: String, id: Int64?, action: String, beforeJSON: String?, afterJSON: String?) throws {
        let actor = actor ?? context.principal.map { ($0.userID, $0.username) }
        try db.execute("""
            INSERT INTO audit_events (at, actor_id, actor_username, entity, entity_id, action, before, after)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """, [context.now.description, actor?.id, actor?.username, entity, id, action, beforeJSON, afterJSON])
    }
}
