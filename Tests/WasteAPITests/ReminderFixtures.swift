import Foundation
import Hashing
import JSON
@testable import WasteAPI
import WasteDomain

/// A district for reminder tests: three institutions (the third archived), a clerk of each
/// active one, `127.0.0.1` in `outbound_hosts`, and a loopback receiver.
final class ReminderWorld: @unchecked Sendable {
    let app: TestApp
    let receiver: LoopbackReceiver
    let clerk: String
    let otherClerk: String
    let inspector: String
    /// An API token of the admin: it outlives the clock moving by days, unlike a session.
    let admin: String

    init(backgroundWork: Bool = false, utcOffsetMinutes: Int = 480, clock: Timestamp? = nil,
         adjust: @escaping (inout AppOptions) -> Void = { _ in }) throws {
        receiver = try LoopbackReceiver()
        app = try TestApp(backgroundWork: backgroundWork) { options in
            options.reminders.deliveryPollSeconds = 0.05
            options.reminders.deliveryLanes = 2
            // one pass at start, then only the test's own POST /v1/reminders/run
            options.reminders.schedulerIntervalSeconds = 3600
            adjust(&options)
        }
        if let clock { app.clock.set(clock) }
        let now = app.clock.now().description
        for (id, code, name, status) in [(1, "JS-001", "尖山区统计局", "active"), (2, "JS-002", "尖山区教育局", "active"),
                                         (3, "JS-003", "已撤并单位", "archived")] {
            try app.sql("""
                INSERT INTO institutions (id, code, name, kind, status, created_at, updated_at)
                VALUES (?, ?, ?, 'party_government_organ', ?, ?, ?)
                """, [id, code, name, status, now, now])
        }
        let (token, hash) = try APIToken.generate()
        try app.sql("INSERT INTO tokens (user_id, kind, name, token_hash, created_at) VALUES (1, 'api', 'reminders', ?, ?)", [hash, now])
        admin = token
        clerk = try app.userToken("clerk1", role: "clerk", institutionID: 1)
        otherClerk = try app.userToken("clerk2", role: "clerk", institutionID: 2)
        inspector = try app.userToken("inspector1", role: "inspector")
        let settings = try app.client.put("/v1/settings", json: ["outbound_hosts": ["127.0.0.1"],
                                                                  "utc_offset_minutes": .number(JSONNumber(utcOffsetMinutes))],
                                          token: admin)
        guard settings.status == 200 else { throw HTTPTestClient.ClientFailure(message: "settings: \(settings.text)") }
    }

    /// The district date now.
    var today: CalendarDate {
        get throws {
            let offset = try app.client.get("/v1/settings", token: admin).json["utc_offset_minutes"]?.numberValue?.int64 ?? 480
            return app.clock.now().date(utcOffsetMinutes: Int(offset))
        }
    }

    func setDueDay(_ day: Int) throws {
        let response = try app.client.put("/v1/settings", json: ["report_due_day": .number(JSONNumber(day))], token: admin)
        guard response.status == 200 else { throw HTTPTestClient.ClientFailure(message: "settings: \(response.text)") }
    }

    /// Creates a subscription (as admin unless `token` is given); fails the test when refused.
    @discardableResult
    func subscribe(_ body: JSONValue, token: String? = nil) throws -> Int64 {
        let response = try app.client.post("/v1/subscriptions", json: body, token: token ?? admin)
        guard response.status == 201, let id = response.json["id"]?.int64 else {
            throw HTTPTestClient.ClientFailure(message: "subscribe: \(response.status) \(response.text)")
        }
        return id
    }

    func webhook(events: [ReminderEvent], secret: String = "webhook-secret-1", path: String = "/hook",
                 institution: Int64? = nil) -> JSONValue {
        var object = JSONObject([("channel", "webhook"), ("events", .array(events.map { .string($0.rawValue) })),
                                 ("url", .string(receiver.url + path)), ("secret", .string(secret))])
        if let institution { object.set("institution_id", .number(JSONNumber(institution))) }
        return .object(object)
    }

    /// `POST /v1/reminders/run` as admin: its answer.
    func run() throws -> JSONValue {
        let response = try app.client.post("/v1/reminders/run", json: [:], token: admin)
        guard response.status == 200 else { throw HTTPTestClient.ClientFailure(message: "run: \(response.status) \(response.text)") }
        return response.json
    }

    /// `event subject` of each queued item of a run.
    static func keys(_ run: JSONValue) -> Set<String> {
        Set(run["items"]?.arrayValue?.compactMap { item in
            guard let event = item["event"]?.stringValue, let subject = item["subject"]?.stringValue else { return nil }
            return "\(event) \(subject)"
        } ?? [])
    }

    func deliveries(_ status: String? = nil) throws -> [JSONValue] {
        try app.client.get("/v1/deliveries" + (status.map { "?status=\($0)" } ?? ""), token: admin).json["items"]?.arrayValue ?? []
    }

    /// Polls until `condition` holds or `seconds` pass; the last value of the condition.
    @discardableResult
    func waitUntil(seconds: Double = 20, _ condition: () throws -> Bool) rethrows -> Bool {
        try Self.poll(seconds: seconds, condition)
    }

    static func poll(seconds: Double = 20, _ condition: () throws -> Bool) rethrows -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if try condition() { return true }
            usleep(20_000)
        }
        return try condition()
    }

    /// An open finding of institution `institution` due on `rectifyBy`, on a finalized inspection.
    @discardableResult
    func addFinding(institution: Int64, rectifyBy: CalendarDate, status: String = "open",
                    description: String = "厨余垃圾桶内混有其他垃圾") throws -> Int64 {
        let now = app.clock.now().description
        try app.sql("""
            INSERT INTO inspections (institution_id, rubric_id, inspected_on, kind, inspector_id, status, total_tenths, created_at, updated_at)
            VALUES (?, (SELECT id FROM rubrics ORDER BY id LIMIT 1), ?, 'monthly', 1, 'finalized', 900, ?, ?)
            """, [institution, try today.description, now, now])
        try app.sql("""
            INSERT INTO findings (inspection_id, institution_id, position, item_code, description, severity, rectify_by, status,
                                  created_at, updated_at)
            VALUES ((SELECT MAX(id) FROM inspections), ?, 1, 'C3', ?, 'major', ?, ?, ?, ?)
            """, [institution, description, rectifyBy.description, status, now, now])
        return try app.pool.read { try $0.scalar("SELECT MAX(id) FROM findings", as: Int64.self) } ?? 0
    }

    func setReport(institution: Int64, month: YearMonth, status: String) throws {
        let now = app.clock.now().description
        try app.sql("""
            INSERT INTO ledger_reports (institution_id, month, status, submitted_at, created_at, updated_at, version)
            VALUES (?, ?, ?, ?, ?, ?, 1)
            """, [institution, month.description, status, status == "open" ? nil : now, now, now])
    }
}
