import JSON
import Testing
import WasteDomain

@Suite struct FairnessFindingTests {
    @Test func reopeningARectificationSetsANewDeadlineAndNeedsAReason() throws {
        let world = try InspectionWorld(rectificationNeedsPhoto: false)  // the photo rule has tests of its own
        let client = world.app.client
        let inspection = try world.create(world.body(findings: [InspectionWorld.finding(by: "2020-06-20")]), finalize: true)
        let id = try #require(inspection["findings"]?[0]?["id"]?.int64)
        #expect(try client.post("/v1/findings/\(id)/rectify", json: ["note": "已整改"], token: world.clerk).status == 200)
        let path = "/v1/findings/\(id)/reopen"
        #expect(try client.post(path, json: [:], token: world.inspector).errorFields == ["reason", "rectify_by"])
        #expect(try client.post(path, json: ["reason": "仍未张贴指引", "rectify_by": "2020-06-01"], token: world.inspector)
            .errorFields == ["rectify_by"])  // before today (2020-06-15)
        #expect(try client.post(path, json: ["reason": "仍未张贴指引", "rectify_by": "2020-06-30"], token: world.clerk).status == 403)

        let reopened = try client.post(path, json: ["reason": "仍未张贴指引", "rectify_by": "2020-06-30"], token: world.inspector)
        #expect(reopened.status == 200)
        #expect(reopened.json["status"]?.stringValue == "open")
        #expect(reopened.json["rectify_by"]?.stringValue == "2020-06-30")
        #expect(reopened.json["reopen_reason"]?.stringValue == "仍未张贴指引")
        // the new deadline decides overdue: not on the 25th, past it in July
        world.app.clock.advance(seconds: 10 * 86_400)
        #expect(try client.get("/v1/findings/\(id)", token: world.inspector).json["overdue"] == .bool(false))
        world.app.clock.advance(seconds: 20 * 86_400)
        #expect(try client.get("/v1/findings/\(id)", token: world.inspector).json["overdue"] == .bool(true))
        let audit = try client.get("/v1/audit-events?entity=finding", token: world.admin).json["items"]?.arrayValue ?? []
        let reopen = audit.first { $0["action"]?.stringValue == "reopen" }
        #expect(reopen?["before"]?["rectify_by"]?.stringValue == "2020-06-20")
        #expect(reopen?["after"]?["rectify_by"]?.stringValue == "2020-06-30")
    }
}
