import JSON
import WasteDomain

/// One event about one subject on one district day, before it is stored: what the scheduler
/// and the domain hooks produce, and what `wastesort remind --dry-run` prints.
struct ReminderOccurrence: Sendable {
    struct Unit: Sendable {
        let id: Int64
        let code: String
        let name: String
    }

    let event: ReminderEvent
    /// What the event is about, e.g. `ledger_report:12:2026-11`: with the event and the day,
    /// the key that makes a reminder happen at most once a day.
    let subject: String
    let day: CalendarDate
    /// The institution that must act; nil for district-wide events (a published notice).
    let institution: Unit?
    let message: String
    /// Event-specific facts (month, due date, finding id…), for machines.
    let data: [(String, JSONValue)]

    /// The document a webhook receives (without its delivery id).
    func payload(createdAt: Timestamp) -> JSONValue {
        .object(JSONObject([
            ("event", .string(event.rawValue)),
            ("subject", .string(subject)),
            ("day", .string(day.description)),
            ("institution", institution.map { unit in
                .object(JSONObject([("id", .number(JSONNumber(unit.id))), ("code", .string(unit.code)), ("name", .string(unit.name))]))
            } ?? .null),
            ("message", .string(message)),
            ("data", .object(JSONObject(data))),
            ("created_at", .string(createdAt.description)),
        ]))
    }

    var json: JSONValue {
        .object(JSONObject([
            ("event", .string(event.rawValue)), ("subject", .string(subject)), ("day", .string(day.description)),
            ("institution_id", institution.map { .number(JSONNumber($0.id)) } ?? .null), ("message", .string(message)),
        ]))
    }
}
