import Storage
import WasteDomain

/// A pending delivery whose time has come, with what is needed to send it.
struct DueDelivery: Sendable {
    let id: Int64
    let deliveryID: String
    let attempts: Int
    let windowStartedAt: Int64
    let event: String
    let message: String
    let payload: String
    let channel: SubscriptionChannel
    let url: String?
    let secret: String?
    let addresses: [String]

    /// Up to `limit` deliveries due at `now` on one lane of the worker (`id % lanes == lane`),
    /// the longest-waiting first.
    static func load(_ db: Connection, lane: Int, lanes: Int, now: Timestamp, limit: Int) throws -> [DueDelivery] {
        try db.query("""
            SELECT d.id, d.delivery_id, d.attempts, d.window_started_at, e.event, e.message, e.payload,
                   s.channel, s.url, s.secret, s.addresses
            FROM deliveries d JOIN reminder_events e ON e.id = d.event_id JOIN subscriptions s ON s.id = d.subscription_id
            WHERE d.status = 'pending' AND d.next_attempt_at <= ? AND d.id % ? = ?
            ORDER BY d.next_attempt_at, d.id LIMIT ?
            """, [now.secondsSinceEpoch, lanes, lane, limit]).map { row in
            DueDelivery(id: try row.int64("id"), deliveryID: try row.string("delivery_id"), attempts: try row.int("attempts"),
                        windowStartedAt: try row.int64("window_started_at"), event: try row.string("event"),
                        message: try row.string("message"), payload: try row.string("payload"),
                        channel: SubscriptionChannel(rawValue: try row.string("channel")) ?? .webhook,
                        url: try row.optionalString("url"), secret: try row.optionalString("secret"),
                        addresses: try row.optionalString("addresses").map(SubscriptionRecord.strings(fromJSON:)) ?? [])
        }
    }
}
