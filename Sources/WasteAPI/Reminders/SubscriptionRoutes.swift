import HTTPCore
import JSON
import Routing
import Storage
import WasteDomain

/// `GET|POST /v1/subscriptions`, `DELETE /v1/subscriptions/{id}`: admins for the district, a
/// clerk for its own institution only (another institution's subscriptions are a 404).
enum SubscriptionRoutes {
    static func register(in routes: inout APIRoutes) {
        routes.add(.GET, "/v1/subscriptions", access: .roles([.admin, .clerk]),
                   summary: "Reminder subscriptions (a clerk sees its own institution's)", tag: "reminders",
                   query: ["limit", "cursor"], response: "SubscriptionList") { context in
            try list(context)
        }
        routes.add(.POST, "/v1/subscriptions", access: .roles([.admin, .clerk]),
                   summary: "Subscribe a webhook, WeCom or DingTalk robot, or e-mail addresses to reminder events",
                   tag: "reminders", body: "SubscriptionCreate", success: 201, response: "Subscription") { context in
            try create(context)
        }
        routes.add(.DELETE, "/v1/subscriptions/{id}", access: .roles([.admin, .clerk]),
                   summary: "Delete a subscription; its pending deliveries become failed", tag: "reminders",
                   success: 204) { context in
            try delete(context)
        }
    }

    private static func list(_ context: APIContext) throws -> HTTPResponse {
        let page = try Page(try context.query())
        let own = context.clerkInstitutionID
        let records = try context.services.database.read { db in
            try db.query("""
                SELECT \(SubscriptionRecord.columns) FROM subscriptions
                WHERE deleted_at IS NULL AND id > ? AND (? IS NULL OR institution_id = ?) ORDER BY id LIMIT ?
                """, [page.afterID, own, own, page.limit + 1]).map(SubscriptionRecord.init)
        }
        let (items, next) = page.split(records, id: \.id)
        return .json(Page.body(items: items.map(\.json), next: next))
    }

    private static func create(_ context: APIContext) throws -> HTTPResponse {
        let object = try context.jsonObject()
        let settings = try context.services.settings.current()
        var input = try SubscriptionInput.read(object, settings: settings)
        if let own = context.clerkInstitutionID {
            if let asked = input.institutionID { try context.requireInstitutionAccess(asked) }
            input.institutionID = own
        }
        return try context.services.database.write { db in
            try Idempotency.run(context, in: db) { db in
                if let institutionID = input.institutionID,
                   try db.queryOne("SELECT id FROM institutions WHERE id = ?", [institutionID]) == nil {
                    throw HTTPError.validation([FieldError(field: "institution_id", code: FieldError.Code.invalidValue,
                                                           message: "no institution has id \(institutionID)")])
                }
                try db.execute("""
                    INSERT INTO subscriptions (channel, events, institution_id, url, secret, addresses, created_at, created_by)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                    """, [input.channel.rawValue, JSONValue.array(input.events.map { .string($0.rawValue) }).serializedString(),
                          input.institutionID, input.url, input.secret,
                          input.channel == .email ? JSONValue.array(input.addresses.map(JSONValue.string)).serializedString() : nil,
                          context.now.description, context.principal?.userID])
                let id = db.lastInsertRowID
                guard let record = try SubscriptionRecord.find(db, id: id) else { throw HTTPError.notFound() }
                try AuditTrail.record(db, context: context, entity: "subscription", id: id, action: "create", before: nil,
                                      after: record.json)
                return .json(record.json, status: 201, headers: ["location": "/v1/subscriptions/\(id)"])
            }
        }
    }

    private static func delete(_ context: APIContext) throws -> HTTPResponse {
        let id = try context.parameters.id()
        try context.services.database.write { db in
            guard let record = try SubscriptionRecord.find(db, id: id) else { throw HTTPError.notFound() }
            if context.clerkInstitutionID != nil {
                guard let institutionID = record.institutionID else { throw HTTPError.notFound() }
                try context.requireInstitutionAccess(institutionID)
            }
            let now = context.now.description
            try db.execute("UPDATE subscriptions SET deleted_at = ? WHERE id = ?", [now, id])
            // nothing is dropped silently: what was still to be sent shows as failed, with why
            try db.execute("""
                UPDATE deliveries SET status = 'failed', last_error = 'the subscription was deleted'
                WHERE subscription_id = ? AND status = 'pending'
                """, [id])
            try AuditTrail.record(db, context: context, entity: "subscription", id: id, action: "delete", before: record.json, after: nil)
        }
        return HTTPResponse(status: 204)
    }
}
