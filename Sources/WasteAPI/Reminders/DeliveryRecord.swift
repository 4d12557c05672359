import JSON
import Storage
import WasteDomain

/// One delivery of one event to one subscription, as `GET /v1/deliveries` shows it.
struct DeliveryRecord: Sendable {
    enum Status: String, Sendable, CaseIterable {
        case pending, delivered, failed
    }

    let id: Int64
    let deliveryID: String
    let eventID: Int64
    let event: String
    let subscriptionID: Int64
    let channel: String
    let status: Status
    let attempts: Int
    let nextAttemptAt: Int64
    let lastAttemptAt: String?
    let lastStatus: Int?
    let lastError: String?
    let deliveredAt: String?
    let createdAt: String
    let message: String

    static let select = """
        SELECT d.id, d.delivery_id, d.event_id, e.event, d.subscription_id, s.channel, d.status, d.attempts, d.next_attempt_at,
               d.last_attempt_at, d.last_status, d.last_error, d.delivered_at, d.created_at, e.message
        FROM deliveries d JOIN reminder_events e ON e.id = d.event_id JOIN subscriptions s ON s.id = d.subscription_id
        """

    init(row: Row) throws {
        id = try row.int64("id")
        deliveryID = try row.string("delivery_id")
        eventID = try row.int64("event_id")
        event = try row.string("event")
        subscriptionID = try row.int64("subscription_id")
        channel = try row.string("channel")
        status = Status(rawValue: try row.string("status")) ?? .pending
        attempts = try row.int("attempts")
        nextAttemptAt = try row.int64("next_attempt_at")
        lastAttemptAt = try row.optionalString("last_attempt_at")
        lastStatus = try row.optionalInt("last_status")
        lastError = try row.optionalString("last_error")
        deliveredAt = try row.optionalString("delivered_at")
        createdAt = try row.string("created_at")
        message = try row.string("message")
    }

    static func find(_ db: Connection, id: Int64) throws -> DeliveryRecord? {
        try db.queryOne("\(select) WHERE d.id = ?", [id]).map(DeliveryRecord.init)
    }

    var json: JSONValue {
        .object(JSONObject([
            ("id", .number(JSONNumber(id))),
            ("delivery_id", .string(deliveryID)),
            ("event_id", .number(JSONNumber(eventID))),
            ("event", .string(event)),
            ("subscription_id", .number(JSONNumber(subscriptionID))),
            ("channel", .string(channel)),
            ("status", .string(status.rawValue)),
            ("attempts", .number(JSONNumber(attempts))),
            ("next_attempt_at", status == .pending ? .string(Timestamp(secondsSinceEpoch: nextAttemptAt).description) : .null),
            ("last_attempt_at", lastAttemptAt.map(JSONValue.string) ?? .null),
            ("last_status", lastStatus.map { .number(JSONNumber($0)) } ?? .null),
            ("last_error", lastError.map(JSONValue.string) ?? .null),
            ("delivered_at", deliveredAt.map(JSONValue.string) ?? .null),
            ("created_at", .string(createdAt)),
            ("message", .string(message)),
        ]))
    }
}
