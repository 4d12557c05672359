import Foundation
import JSON
import Testing
import WasteDomain

@Suite struct AuditTests {
    private func events(_ app: TestApp, _ query: String) throws -> [JSONValue] {
        let response = try app.client.get("/v1/audit-events?\(query)", token: app.adminToken)
        #expect(response.status == 200)
        return response.json["items"]?.arrayValue ?? []
    }

    @Test func userChangesAreRecordedNewestFirstWithBeforeAndAfterButNoPasswords() throws {
        let app = try TestApp()
        let id = try app.createUser("audited", role: "inspector", password: "secret-password-1")
        _ = try app.client.patch("/v1/users/\(id)", json: ["display_name": "审计", "password": "secret-password-2"],
                                 token: app.adminToken)
        _ = try app.client.delete("/v1/users/\(id)", token: app.adminToken)

        let list = try app.client.get("/v1/audit-events?entity=user&entity_id=\(id)", token: app.adminToken)
        #expect(!list.text.contains("secret-password") && !list.text.contains("pbkdf2"))
        let items = list.json["items"]?.arrayValue ?? []
        #expect(items.compactMap { $0["action"]?.stringValue } == ["deactivate", "update", "create"])
        let update = items[1]
        #expect(update["actor"]?["username"]?.stringValue == "admin")
        #expect(update["actor"]?["id"]?.numberValue?.int64 != nil)
        #expect(update["entity"]?.stringValue == "user")
        #expect(update["entity_id"]?.numberValue?.int64 == id)
        #expect(update["before"]?["display_name"]?.stringValue == "audited")
        #expect(update["after"]?["display_name"]?.stringValue == "审计")
        #expect(update["after"]?["password_changed"] == .bool(true))
        #expect(items[0]["after"]?["active"] == .bool(false))
        #expect(items[2]["before"] == .null)
        #expect(items[2]["at"]?.stringValue.flatMap { Timestamp(parsing: $0) } != nil)
    }

    @Test func tokenAndSessionEventsAreRecorded() throws {
        let app = try TestApp()
        let tokenID = try #require(try app.client.post("/v1/tokens", json: ["name": "nightly"], token: app.adminToken)
            .json["id"]?.numberValue?.int64)
        _ = try app.client.delete("/v1/tokens/\(tokenID)", token: app.adminToken)
        let session = try app.login("admin", TestApp.adminPassword)
        _ = try app.client.delete("/v1/sessions/current", token: session)

        let tokenEvents = try events(app, "entity=token")
        #expect(tokenEvents.compactMap { $0["action"]?.stringValue } == ["revoke", "create"])
        #expect(tokenEvents[1]["after"]?["name"]?.stringValue == "nightly")
        #expect(tokenEvents.allSatisfy { $0["after"]?["token"] == nil && $0["after"]?["token_hash"] == nil })
        let sessionEvents = try events(app, "entity=session")
        #expect(sessionEvents.compactMap { $0["action"]?.stringValue } == ["revoke", "login", "login"])
        #expect(try events(app, "action=login").count == 2)
    }

    @Test func filtersByActorActionAndTime() throws {
        let app = try TestApp { $0.sessionLifetime = 30 * 86400 }  // the admin session outlives the days skipped
        _ = try app.createUser("early", role: "viewer")
        app.clock.advance(seconds: 3 * 86400)
        let later = app.clock.now()
        let inspector = try app.createUser("insp", role: "inspector")
        let inspectorToken = try app.login("insp", "long-enough")
        _ = try app.client.post("/v1/tokens", json: ["name": "mine"], token: inspectorToken)

        #expect(try events(app, "actor=insp").compactMap { $0["action"]?.stringValue } == ["create", "login"])
        #expect(try events(app, "actor=INSP").count == 2)
        #expect(try events(app, "actor=\(inspector)").count == 2)
        #expect(try events(app, "actor=admin&entity=user").count == 2)

        let laterDay = later.date(utcOffsetMinutes: 480).description
        #expect(try events(app, "entity=user&from=\(laterDay)").compactMap { $0["after"]?["username"]?.stringValue } == ["insp"])
        #expect(try events(app, "entity=user&to=\(laterDay)").count == 3)  // with the first start's admin
        let before = later.adding(seconds: -1).description
        #expect(try events(app, "entity=user&to=\(before)").compactMap { $0["after"]?["username"]?.stringValue } == ["early", "admin"])
        #expect(try events(app, "entity=user&from=\(later.description)&to=\(later.description)").count == 1)

        _ = try app.client.patch("/v1/users/\(inspector)", json: ["username": "inspector.li"], token: app.adminToken)
        #expect(try events(app, "actor=inspector.li").count == 2)  // a renamed user's older events
        #expect(try events(app, "actor=insp").count == 2)  // and the name they were recorded under

        for (query, parameter) in [("from=yesterday", "from"), ("to=2026-02-30", "to"), ("entity_id=x", "entity_id"),
                                   ("from=2026-03-02&to=2026-03-01", "to"), ("who=admin", "who")] {
            let response = try app.client.get("/v1/audit-events?\(query)", token: app.adminToken)
            #expect(response.status == 400)
            #expect(response.errorFields == [parameter])
        }
    }

    @Test func pagesRunFromNewestToOldest() throws {
        let app = try TestApp()
        for index in 0..<5 { _ = try app.createUser("user\(index)", role: "viewer") }
        var seen: [String] = []
        var cursor: String?
        repeat {
            let query = "entity=user&action=create&limit=2" + (cursor.map { "&cursor=\($0)" } ?? "")
            let response = try app.client.get("/v1/audit-events?\(query)", token: app.adminToken)
            seen += response.json["items"]?.arrayValue?.compactMap { $0["after"]?["username"]?.stringValue } ?? []
            cursor = response.json["next_cursor"]?.stringValue
            _ = try app.createUser("late\(seen.count)", role: "viewer")  // new events never shift later pages
        } while cursor != nil
        #expect(seen == ["user4", "user3", "user2", "user1", "user0", "admin"])
    }

    @Test func onlyAdminsReadTheAuditLog() throws {
        let app = try TestApp()
        _ = try app.createUser("insp", role: "inspector")
        #expect(try app.client.get("/v1/audit-events", token: try app.login("insp", "long-enough")).status == 403)
        #expect(try app.client.get("/v1/audit-events").status == 401)
    }
}
