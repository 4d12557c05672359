import JSON
import Storage
import WasteDomain

/// A stored subscription. Its `secret` is write-only: responses say `secret_set`, and the
/// URLs of robots, whose query carries their access key, are shown with the values masked.
struct SubscriptionRecord: Sendable {
    let id: Int64
    let channel: SubscriptionChannel
    let events: [ReminderEvent]
    let institutionID: Int64?
    let url: String?
    let secret: String?
    let addresses: [String]
    let createdAt: String
    let createdBy: Int64?

    static let columns = "id, channel, events, institution_id, url, secret, addresses, created_at, created_by"

    init(row: Row) throws {
        id = try row.int64("id")
        channel = SubscriptionChannel(rawValue: try row.string("channel")) ?? .webhook
        events = Self.events(fromJSON: try row.string("events")).sorted()
        institutionID = try row.optionalInt64("institution_id")
        url = try row.optionalString("url")
        secret = try row.optionalString("secret")
        addresses = try row.optionalString("addresses").map(Self.strings(fromJSON:)) ?? []
        createdAt = try row.string("created_at")
        createdBy = try row.optionalInt64("created_by")
    }

    static func find(_ db: Connection, id: Int64) throws -> SubscriptionRecord? {
        try db.queryOne("SELECT \(columns) FROM subscriptions WHERE id = ? AND deleted_at IS NULL", [id]).map(SubscriptionRecord.init)
    }

    var json: JSONValue {
        .object(JSONObject([
            ("id", .number(JSONNumber(id))),
            ("channel", .string(channel.rawValue)),
            ("events", .array(events.map { .string($0.rawValue) })),
            ("institution_id", institutionID.map { .number(JSONNumber($0)) } ?? .null),
            ("url", url.map { .string(channel == .webhook ? $0 : Self.masked($0)) } ?? .null),
            ("secret_set", .bool(secret != nil)),
            ("addresses", .array(addresses.map(JSONValue.string))),
            ("created_at", .string(createdAt)),
        ]))
    }

    /// `…/send?key=***`: robot URLs carry their access key in the query.
    static func masked(_ url: String) -> String {
        guard let mark = url.firstIndex(of: "?") else { return url }
        let pairs = url[url.index(after: mark)...].split(separator: "&").map { pair in
            pair.split(separator: "=", maxSplits: 1).first.map { "\($0)=***" } ?? "***"
        }
        return String(url[..<mark]) + "?" + pairs.joined(separator: "&")
    }

    static func events(fromJSON text: String) -> Set<ReminderEvent> {
        Set(strings(fromJSON: text).compactMap(ReminderEvent.init(rawValue:)))
    }

    static func strings(fromJSON text: String) -> [String] {
        guard case .array(let items)? = try? JSONValue.parse(Array(text.utf8)) else { return [] }
        return items.compactMap(\.stringValue)
    }
}
