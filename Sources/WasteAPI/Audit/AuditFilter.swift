import JSON
import Routing
import Storage
import WasteDomain

/// The filters of `GET /v1/audit-events`, turned into SQL conditions.
///
/// `from` and `to` take an RFC 3339 instant or a `YYYY-MM-DD` date. A date means that whole
/// day in the district's time (the settings' `utc_offset_minutes`; office staff think of
/// "1 March" in local time): `from` starts at its midnight, `to` includes all of it. Instants
/// are inclusive at both ends.
struct AuditFilter {
    static let parameters = ["entity", "entity_id", "actor", "action", "from", "to", "limit", "cursor"]

    private(set) var conditions: [String] = []
    private(set) var arguments: [any SQLValueConvertible] = []

    init(_ query: QueryParameters, utcOffsetMinutes: Int) throws(HTTPError) {
        if let entity = Self.text(query, "entity") { add("entity = ?", entity) }
        if let entityID = try query.int("entity_id", range: 1...Int.max) { add("entity_id = ?", Int64(entityID)) }
        if let action = Self.text(query, "action") { add("action = ?", action) }
        if let actor = Self.text(query, "actor") {
            if let id = Int64(actor), id > 0, actor.first != "+" {
                add("actor_id = ?", id)
            } else {
                // The current name finds a renamed user's older events too; the recorded name
                // finds events of users since deleted from the table.
                conditions.append("(actor_id IN (SELECT id FROM users WHERE username = ?) OR actor_username = ? COLLATE NOCASE)")
                arguments.append(contentsOf: [actor, actor])
            }
        }
        let from = try Self.instant(query, "from", endOfDay: false, utcOffsetMinutes: utcOffsetMinutes)
        let to = try Self.instant(query, "to", endOfDay: true, utcOffsetMinutes: utcOffsetMinutes)
        if let from, let to, to < from {
            throw HTTPError.invalidQuery("to", "must not be before from")
        }
        if let from { add("at >= ?", from.description) }
        if let to { add("at <= ?", to.description) }
    }

    private mutating func add(_ condition: String, _ argument: any SQLValueConvertible) {
        conditions.append(condition)
        arguments.append(argument)
    }

    private static func text(_ query: QueryParameters, _ name: String) -> String? {
        guard let value = query[name], !value.isEmpty else { return nil }
        return value
    }

    /// The instant a bound names; for a date, its first or last second in district time.
    private static func instant(_ query: QueryParameters, _ name: String, endOfDay: Bool,
                                utcOffsetMinutes: Int) throws(HTTPError) -> Timestamp? {
        guard let text = text(query, name) else { return nil }
        if let instant = Timestamp(parsing: text) { return instant }
        if text.utf8.count == 10, let date = CalendarDate(parsing: text) {
            let midnight = Int64(date.daysSinceEpoch) * 86400 - Int64(utcOffsetMinutes) * 60
            return Timestamp(secondsSinceEpoch: endOfDay ? midnight + 86399 : midnight)
        }
        throw HTTPError.invalidQuery(name, "must be an RFC 3339 instant (2026-03-01T08:00:00Z) or a date (2026-03-01)",
                                     code: FieldError.Code.invalidFormat)
    }
}
