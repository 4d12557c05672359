import JSON
import Storage
import WasteDomain

extension AuditTrail {
    /// Records a write made outside any request (the command line): there is no actor, so
    /// `after` gains `"by": source` to say where the change came from.
    static func record(_ db: Connection, at: Timestamp, source: String, entity: String, id: Int64?, action: String,
                       after: JSONValue?) throws {
        var described = after
        if case .object(var object)? = after {
            object.set("by", .string(source))
            described = .object(object)
        }
        try db.execute("""
            INSERT INTO audit_events (at, entity, entity_id, action, after) VALUES (?, ?, ?, ?, ?)
            """, [at.description, entity, id, action, described?.serializedString()])
    }
}
