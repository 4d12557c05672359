import HTTPCore
import JSON
import Routing
import Storage
import WasteDomain

/// `GET /v1/deliveries?status=` (what was sent, what waits, what never arrived) and
/// `POST /v1/deliveries/{id}/retry`, for admins; `POST /v1/reminders/run` runs the scheduler now.
enum DeliveryRoutes {
    static func register(in routes: inout APIRoutes) {
        routes.add(.GET, "/v1/deliveries", access: .admin,
                   summary: "Reminder deliveries; status=failed shows what never arrived", tag: "reminders",
                   query: ["status", "limit", "cursor"], response: "DeliveryList") { context in
            try list(context)
        }
        routes.add(.POST, "/v1/deliveries/{id}/retry", access: .admin,
                   summary: "Send a failed (or waiting) delivery again now, with the same delivery id and a new 24 h of retries",
                   tag: "reminders", response: "Delivery") { context in
            try retry(context)
        }
        routes.add(.POST, "/v1/reminders/run", access: .admin,
                   summary: "Run the reminder scheduler now; answers the events it queued", tag: "reminders",
                   response: "ReminderRun") { context in
            try run(context)
        }
    }

    private static func list(_ context: APIContext) throws -> HTTPResponse {
        let query = try context.query()
        let page = try Page(query)
        let status = try query.oneOf("status", DeliveryRecord.Status.allCases.map(\.rawValue))
        let records = try context.services.database.read { db in
            try db.query("\(DeliveryRecord.select) WHERE d.id > ? AND (? IS NULL OR d.status = ?) ORDER BY d.id LIMIT ?",
                         [page.afterID, status, status, page.limit + 1]).map(DeliveryRecord.init)
        }
        let (items, next) = page.split(records, id: \.id)
        return .json(Page.body(items: items.map(\.json), next: next))
    }

    private static func retry(_ context: APIContext) throws -> HTTPResponse {
        let id = try context.parameters.id()
        let now = context.now
        let record = try context.services.database.write { db -> DeliveryRecord in
            guard let current = try DeliveryRecord.find(db, id: id) else { throw HTTPError.notFound() }
            guard current.status != .delivered else {
                throw HTTPError.conflict("delivery \(id) was delivered at \(current.deliveredAt ?? "?"); there is nothing to retry",
                                         field: "status")
            }
            guard try db.queryOne("SELECT id FROM subscriptions WHERE id = ? AND deleted_at IS NULL", [current.subscriptionID]) != nil else {
                throw HTTPError.conflict("the subscription of delivery \(id) was deleted", field: "subscription_id")
            }
            try db.execute("""
                UPDATE deliveries SET status = 'pending', next_attempt_at = ?, window_started_at = ? WHERE id = ?
                """, [now.secondsSinceEpoch, now.secondsSinceEpoch, id])
            try AuditTrail.record(db, context: context, entity: "delivery", id: id, action: "retry",
                                  before: .object(JSONObject([("status", .string(current.status.rawValue))])),
                                  after: .object(JSONObject([("status", "pending")])))
            guard let updated = try DeliveryRecord.find(db, id: id) else { throw HTTPError.notFound() }
            return updated
        }
        context.services.reminders.wake()
        return .json(record.json)
    }

    private static func run(_ context: APIContext) throws -> HTTPResponse {
        let settings = try context.services.settings.current()
        let queued = try ReminderScheduler.run(context.services.database, now: context.now, settings: settings)
        context.services.reminders.wake()
        return .json(.object(JSONObject([
            ("day", .string(context.now.date(utcOffsetMinutes: settings.utcOffsetMinutes).description)),
            ("count", .number(JSONNumber(queued.count))),
            ("deliveries", .number(JSONNumber(queued.reduce(0) { $0 + $1.1 }))),
            ("items", .array(queued.map { occurrence, deliveries in
                guard case .object(var object) = occurrence.json else { return .null }
                object.set("deliveries", .number(JSONNumber(deliveries)))
                return .object(object)
            })),
        ])))
    }
}
