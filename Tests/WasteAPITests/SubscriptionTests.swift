import Foundation
import JSON
import Testing
@testable import WasteAPI
import WasteDomain

/// `/v1/subscriptions`: what each role may subscribe, and what is never shown back.
@Suite struct SubscriptionTests {
    @Test func aClerkSubscribesOnlyItsOwnInstitution() throws {
        let world = try ReminderWorld()
        let own = try world.app.client.post("/v1/subscriptions", json: world.webhook(events: [.ledgerReportDueSoon]), token: world.clerk)
        #expect(own.status == 201)
        #expect(own.json["institution_id"]?.int64 == 1, "a clerk's subscription is for its unit even when it names none")
        let other = try world.app.client.post("/v1/subscriptions", json: world.webhook(events: [.ledgerReportDueSoon], institution: 2),
                                              token: world.clerk)
        #expect(other.status == 404)
        #expect(try world.app.client.post("/v1/subscriptions", json: world.webhook(events: [.findingOverdue]),
                                          token: world.inspector).status == 403)
        let theirs = try world.subscribe(world.webhook(events: [.ledgerReportDueSoon], path: "/two"), token: world.otherClerk)
        let district = try world.subscribe(world.webhook(events: [.ledgerReportDueSoon], path: "/office"))

        let listed = try world.app.client.get("/v1/subscriptions", token: world.clerk).json["items"]?.arrayValue ?? []
        #expect(listed.map { $0["institution_id"]?.int64 } == [1])
        #expect((try world.app.client.get("/v1/subscriptions", token: world.admin).json["items"]?.arrayValue ?? []).count == 3)
        #expect(try world.app.client.delete("/v1/subscriptions/\(theirs)", token: world.clerk).status == 404)
        #expect(try world.app.client.delete("/v1/subscriptions/\(district)", token: world.clerk).status == 404)
        #expect(try world.app.client.delete("/v1/subscriptions/\(theirs)", token: world.otherClerk).status == 204)
        #expect(try world.app.client.delete("/v1/subscriptions/\(theirs)", token: world.otherClerk).status == 404)
    }

    @Test func aClerksSubscriptionReceivesItsUnitsEventsAndDistrictWideOnesOnly() throws {
        let world = try ReminderWorld()
        try world.setDueDay(28)
        let today = try world.today
        let ownFinding = try world.addFinding(institution: 1, rectifyBy: today.adding(days: -1)!)
        _ = try world.addFinding(institution: 2, rectifyBy: today.adding(days: -1)!)
        let clerks = try world.subscribe(world.webhook(events: [.findingOverdue, .noticePublished]), token: world.clerk)
        let office = try world.subscribe(world.webhook(events: [.findingOverdue]))
        _ = try world.run()
        let draft = try world.app.client.post("/v1/notices", json: ["period": .string(today.yearMonth.previous.description), "kind": "monthly"],
                                              token: world.admin)
        _ = try world.app.client.request("POST", "/v1/notices/\(draft.json["id"]?.int64 ?? 0)/publish", token: world.admin)
        let rows = try world.app.rows("""
            SELECT d.subscription_id, e.subject FROM deliveries d JOIN reminder_events e ON e.id = d.event_id ORDER BY d.id
            """)
        #expect(Set(rows.filter { $0["subscription_id"] == "\(clerks)" }.compactMap { $0["subject"] })
                == ["finding:\(ownFinding)", "notice:\(draft.json["id"]?.int64 ?? 0)"])
        #expect(rows.filter { $0["subscription_id"] == "\(office)" }.count == 2)
    }

    @Test func secretsAreWriteOnlyAndRobotKeysAreMasked() throws {
        let world = try ReminderWorld()
        let created = try world.app.client.post("/v1/subscriptions", json: [
            "channel": "dingtalk", "events": ["ledger_report_overdue"], "secret": "SECtop-secret-value",
            "url": .string(world.receiver.url + "/robot/send?access_token=abcdef"),
        ], token: world.admin)
        #expect(created.status == 201)
        #expect(!created.text.contains("SECtop-secret-value") && !created.text.contains("abcdef"))
        #expect(created.json["secret_set"] == .bool(true))
        #expect(created.json["url"]?.stringValue == world.receiver.url + "/robot/send?access_token=***")
        let listed = try world.app.client.get("/v1/subscriptions", token: world.admin)
        #expect(!listed.text.contains("SECtop-secret-value") && !listed.text.contains("abcdef"))
        let audit = try world.app.client.get("/v1/audit-events?entity=subscription", token: world.admin)
        #expect(!audit.text.contains("SECtop-secret-value"))
    }

    @Test func eachChannelNamesTheFieldsItNeeds() throws {
        let world = try ReminderWorld()
        func fields(_ body: JSONValue) throws -> [String] {
            let response = try world.app.client.post("/v1/subscriptions", json: body, token: world.admin)
            #expect(response.status == 400)
            return response.errorFields.sorted()
        }
        #expect(try fields(["channel": "webhook", "events": ["finding_overdue"]]) == ["secret", "url"])
        #expect(try fields(["channel": "dingtalk", "events": [], "url": .string(world.receiver.url)]) == ["events", "secret"])
        #expect(try fields(["channel": "wecom", "events": ["nope"], "url": .string(world.receiver.url), "secret": "12345678"])
                == ["events[0]", "secret"])
        #expect(try fields(["channel": "email", "events": ["finding_overdue"], "addresses": ["not-an-address"]])
                == ["addresses[0]", "channel"], "no smtp relay configured yet")
        #expect(try fields(["channel": "pigeon", "events": ["finding_overdue"]]) == ["channel"])
        #expect(try world.app.client.put("/v1/settings", json: ["smtp": ["host": "127.0.0.1", "from": "noreply@jianshan.gov.cn",
                                                                         "password": "relay-pass"]], token: world.admin).status == 200)
        let mail = try world.app.client.post("/v1/subscriptions", json: [
            "channel": "email", "events": ["finding_overdue"], "addresses": ["clerk@jianshan.gov.cn"],
        ], token: world.admin)
        #expect(mail.status == 201 && mail.json["addresses"]?[0]?.stringValue == "clerk@jianshan.gov.cn")
        let settings = try world.app.client.get("/v1/settings", token: world.admin)
        #expect(settings.json["smtp"]?["password_set"] == .bool(true) && !settings.text.contains("relay-pass"))
    }
}
