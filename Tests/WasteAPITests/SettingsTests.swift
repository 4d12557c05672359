import JSON
import Testing

@Suite struct SettingsTests {
    @Test func defaultsAreServedWithAnETag() throws {
        let app = try TestApp()
        let response = try app.client.get("/v1/settings", token: app.adminToken)
        #expect(response.status == 200)
        #expect(response.json["report_due_day"]?.numberValue?.int64 == 5)
        #expect(response.json["categories_in_force"]?.arrayValue?.count == 4)
        let etag = try #require(response.header("etag"))
        #expect(try app.client.get("/v1/settings", token: app.adminToken, headers: [("If-None-Match", etag)]).status == 304)
    }

    @Test func putChangesOnlyTheGivenFieldsAndBumpsTheVersion() throws {
        let app = try TestApp()
        let response = try app.client.put("/v1/settings", json: ["categories_in_force": ["可回收物", "有害垃圾", "干垃圾"],
                                                                 "report_due_day": 10], token: app.adminToken)
        #expect(response.status == 200)
        #expect(response.json["categories_in_force"] == ["recyclable", "hazardous", "residual"])
        #expect(response.json["report_due_day"]?.numberValue?.int64 == 10)
        #expect(response.json["district_name"]?.stringValue == "尖山区")
        #expect(response.json["version"]?.numberValue?.int64 == 1)
        let categories = try app.client.get("/v1/categories", token: app.adminToken)
        let food = categories.json["items"]?.arrayValue?.first { $0["code"]?.stringValue == "food" }
        #expect(food?["in_force"] == .bool(false))
        #expect(food?["aliases"]?.arrayValue?.contains(.string("湿垃圾")) == true)
    }

    @Test func invalidSettingsReportEveryFieldAndChangeNothing() throws {
        let app = try TestApp()
        let response = try app.client.put("/v1/settings", json: [
            "report_due_day": 31, "categories_in_force": ["plastic"], "grade_thresholds": ["good": 95],
            "colour": "red",
        ], token: app.adminToken)
        #expect(response.status == 400)
        #expect(Set(response.errorFields) == ["report_due_day", "categories_in_force[0]", "grade_thresholds", "colour"])
        let after = try app.client.get("/v1/settings", token: app.adminToken)
        #expect(after.json["version"]?.numberValue?.int64 == 0)
    }

    @Test func staleIfMatchIsRefusedWith412() throws {
        let app = try TestApp()
        _ = try app.client.put("/v1/settings", json: ["report_due_day": 6], token: app.adminToken)
        let stale = try app.client.put("/v1/settings", json: ["report_due_day": 7], token: app.adminToken,
                                       headers: [("If-Match", "\"v0\"")])
        #expect(stale.status == 412)
        let current = try app.client.put("/v1/settings", json: ["report_due_day": 7], token: app.adminToken,
                                         headers: [("If-Match", "\"v1\"")])
        #expect(current.status == 200)
    }
}
