import Hashing
import JSON
import Storage
import WasteDomain

/// The durable outbox: an event row per subject and day, and one delivery row per matching
/// subscription, written in the caller's transaction, so an event exists exactly when the
/// change (or the scheduler pass) that produced it committed. The delivery worker sends
/// what is pending (see ``DeliveryWorker``).
enum ReminderOutbox {
    /// A live subscription as the outbox matches it.
    struct Target: Sendable {
        let id: Int64
        let events: Set<ReminderEvent>
        let institutionID: Int64?

        /// District-wide events (no institution) reach every subscription to the event.
        func matches(_ occurrence: ReminderOccurrence) -> Bool {
            guard events.contains(occurrence.event) else { return false }
            guard let institutionID, let unit = occurrence.institution else { return true }
            return unit.id == institutionID
        }
    }

    static func targets(_ db: Connection) throws -> [Target] {
        try db.query("SELECT id, events, institution_id FROM subscriptions WHERE deleted_at IS NULL ORDER BY id").map { row in
            Target(id: try row.int64("id"), events: SubscriptionRecord.events(fromJSON: try row.string("events")),
                   institutionID: try row.optionalInt64("institution_id"))
        }
    }

    /// Stores the occurrence unless the same event, subject and day already is; returns the
    /// number of deliveries queued, or nil when it was already stored.
    @discardableResult
    static func enqueue(_ db: Connection, _ occurrence: ReminderOccurrence, targets: [Target], now: Timestamp) throws -> Int? {
        guard let row = try db.queryOne("""
            INSERT INTO reminder_events (event, subject, day, institution_id, message, payload, created_at)
            VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (event, subject, day) DO NOTHING RETURNING id
            """, [occurrence.event.rawValue, occurrence.subject, occurrence.day.description, occurrence.institution?.id,
                  occurrence.message, occurrence.payload(createdAt: now).serializedString(), now.description]) else { return nil }
        let eventID = try row.int64("id")
        let matching = targets.filter { $0.matches(occurrence) }
        for target in matching {
            try db.execute("""
                INSERT INTO deliveries (delivery_id, event_id, subscription_id, status, attempts, next_attempt_at,
                                        window_started_at, created_at)
                VALUES (?, ?, ?, 'pending', 0, ?, ?, ?)
                """, [try newDeliveryID(), eventID, target.id, now.secondsSinceEpoch, now.secondsSinceEpoch, now.description])
        }
        return matching.count
    }

    /// Enqueues with the live subscriptions read now: for the domain hooks' single events.
    static func enqueue(_ db: Connection, _ occurrence: ReminderOccurrence, now: Timestamp) throws {
        try enqueue(db, occurrence, targets: try targets(db), now: now)
    }

    /// `dlv_` and 24 hex digits: unguessable, and the same on every retry of the delivery.
    static func newDeliveryID() throws -> String {
        "dlv_" + Hex.encode(try SecureRandom.bytes(12))
    }
}
