import JSON
import Testing
import WasteDomain

/// Compliance over the API: shortfalls, history through soft delete, new standard versions,
/// and the district list and summary.
@Suite struct FacilityComplianceTests {
    private func compliance(_ app: TestApp, _ institution: Int64, asOf: String? = nil) throws -> JSONValue {
        let query = asOf.map { "?as_of=\($0)" } ?? ""
        let response = try app.client.get("/v1/institutions/\(institution)/facility-compliance\(query)", token: app.adminToken)
        #expect(response.status == 200)
        return response.json
    }

    private func rules(_ json: JSONValue) -> [String] {
        json["shortfalls"]?.arrayValue?.compactMap { $0["rule"]?.stringValue } ?? []
    }

    @Test func shortfallsNameThePlaceAndWhatIsMissing() throws {
        let app = try TestApp()
        try app.institution(1)
        try app.equip(1)
        #expect(try compliance(app, 1)["compliant"] == true)
        #expect(try compliance(app, 1)["score"]?.numberValue?.double == 100)

        _ = try app.client.post("/v1/institutions/1/collection-points", json: [
            "location": "3楼办公区", "kind": "office_floor", "floor": 3, "signage_ok": true, "bins": ["可回收物": ["count": 1]],
        ], token: app.adminToken)
        let result = try compliance(app, 1)
        #expect(result["compliant"] == false)
        #expect(result["standard_version"]?.numberValue?.int64 == 1)
        let shortfall = try #require(result["shortfalls"]?.arrayValue?.first)
        #expect(shortfall["rule"]?.stringValue == "office_point_bins")
        #expect(shortfall["message"]?.stringValue == "3楼办公区 (office_floor, floor 3): no residual bin")
        #expect(shortfall["missing"]?["category"]?.stringValue == "residual")
        #expect(shortfall["missing"]?["count"]?.numberValue?.int64 == 1)
        // Rules that apply to a 40-staff, one-floor institution without canteen: 6; one failed.
        #expect(result["score"]?.numberValue?.text == "83.3")
    }

    @Test func changingAPointsBinsChangesItsCompliance() throws {
        let app = try TestApp()
        try app.institution(1)
        try app.equip(1)
        let created = try app.client.post("/v1/institutions/1/collection-points", json: [
            "location": "3楼办公区", "kind": "office_floor", "floor": 3, "signage_ok": true, "bins": ["可回收物": ["count": 1]],
        ], token: app.adminToken)
        let id = try #require(created.json["id"]?.numberValue?.int64)
        #expect(try rules(compliance(app, 1)) == ["office_point_bins"])

        let patched = try app.client.patch("/v1/collection-points/\(id)", json: [
            "bins": ["recyclable": ["count": 1], "residual": ["count": 2]],
        ], token: app.adminToken)
        #expect(patched.status == 200)
        #expect(try compliance(app, 1)["compliant"] == true)
        // The counts the rules read are kept beside the document whatever writes it.
        try app.sql("UPDATE collection_points SET bins = '{\"recyclable\":{\"count\":1}}' WHERE id = \(id)")
        #expect(try rules(compliance(app, 1)) == ["office_point_bins"])
    }

    @Test func deletedFacilitiesStillCountOnEarlierDays() throws {
        let app = try TestApp()
        try app.institution(1)
        app.clock.set(Timestamp(parsing: "2020-06-10T02:00:00Z")!)
        try app.equip(1)
        let points = try app.client.get("/v1/institutions/1/collection-points", token: app.adminToken)
        let id = try #require(points.json["items"]?[0]?["id"]?.numberValue?.int64)
        app.clock.set(Timestamp(parsing: "2020-07-15T02:00:00Z")!)
        #expect(try app.client.delete("/v1/collection-points/\(id)", token: app.adminToken).status == 204)

        #expect(try compliance(app, 1, asOf: "2020-06-30")["compliant"] == true)
        #expect(try compliance(app, 1, asOf: "2020-07-14")["compliant"] == true)
        let after = try compliance(app, 1, asOf: "2020-07-15")
        #expect(Set(rules(after)).isSuperset(of: ["hazardous_point", "bin_sets_per_headcount", "office_points_per_floor"]))
        let before = try compliance(app, 1, asOf: "2020-06-09")  // nothing recorded yet
        #expect(before["compliant"] == false)
        #expect(rules(before).contains("hauler_contracts"))
        #expect(try app.client.get("/v1/institutions/1/facility-compliance?as_of=2020-13-01", token: app.adminToken).status == 400)
    }

    @Test func aNewStandardVersionIsStoredAndUsedFromItsDay() throws {
        let app = try TestApp()
        try app.institution(1, headcount: 60)  // 2 bin sets under the default 50 staff per set
        app.clock.set(Timestamp(parsing: "2020-06-10T02:00:00Z")!)
        try app.equip(1)
        #expect(rules(try compliance(app, 1)) == ["bin_sets_per_headcount", "bin_sets_per_headcount",
                                                  "bin_sets_per_headcount", "bin_sets_per_headcount"])

        let current = try app.client.get("/v1/facility-standard", token: app.adminToken)
        #expect(current.json["version"]?.numberValue?.int64 == 1)
        #expect(current.json["rules"] == FacilityStandard().rulesJSON)
        let etag = try #require(current.header("etag"))
        app.clock.set(Timestamp(parsing: "2020-07-01T02:00:00Z")!)
        var rulesList = current.json["rules"]?.arrayValue ?? []
        rulesList[3] = ["code": "bin_sets_per_headcount", "enabled": true, "staff_per_bin_set": 60]
        let put = try app.client.put("/v1/facility-standard", json: ["rules": .array(rulesList)], token: app.adminToken,
                                     headers: [("If-Match", etag)])
        #expect(put.status == 200)
        #expect(put.json["version"]?.numberValue?.int64 == 2)
        #expect(try app.client.put("/v1/facility-standard", json: ["rules": .array(rulesList)], token: app.adminToken,
                                   headers: [("If-Match", etag)]).status == 412)

        let now = try compliance(app, 1)
        #expect(now["standard_version"]?.numberValue?.int64 == 2)
        #expect(now["compliant"] == true)
        let june = try compliance(app, 1, asOf: "2020-06-30")
        #expect(june["standard_version"]?.numberValue?.int64 == 1)
        #expect(june["compliant"] == false)
        #expect(try app.client.get("/v1/facility-standard/versions/1", token: app.adminToken).json["rules"] == FacilityStandard().rulesJSON)
        #expect(try app.count("SELECT COUNT(*) FROM audit_events WHERE entity = 'facility_standard'") == 1)
    }

    @Test func invalidStandardsAreRefusedWithEveryProblem() throws {
        let app = try TestApp()
        let response = try app.client.put("/v1/facility-standard", json: ["rules": [
            ["code": "solar_panels"], ["code": "storage_room", "headcount_threshold": -1], ["code": "signage", "enabled": "yes"],
        ], "version": 3], token: app.adminToken)
        #expect(response.status == 400)
        #expect(Set(response.errorFields) == ["rules[0].code", "rules[1].headcount_threshold", "rules[2].enabled", "version"])
        #expect(try app.count("SELECT COUNT(*) FROM facility_standards") == 1)
    }

    @Test func switchingARuleOffMakesItNotApplicable() throws {
        let app = try TestApp()
        try app.institution(1)
        let rulesList = FacilityStandard.ruleCodes.filter { $0 != "hauler_contracts" }.map { JSONValue.object(["code": .string($0)]) }
        #expect(try app.client.put("/v1/facility-standard", json: ["rules": .array(rulesList)], token: app.adminToken).status == 200)
        let result = try compliance(app, 1)
        let contracts = result["rules"]?.arrayValue?.first { $0["code"]?.stringValue == "hauler_contracts" }
        #expect(contracts?["applicable"] == false)
        #expect(!rules(result).contains("hauler_contracts"))
    }

    @Test func theDistrictListPagesActiveInstitutionsAndTheSummaryCountsThemAll() throws {
        let app = try TestApp()
        for id in 1...5 { try app.institution(Int64(id)) }
        try app.institution(6, status: "archived")
        try app.equip(2)
        try app.equip(4)
        let first = try app.client.get("/v1/facility-compliance?limit=3", token: app.adminToken)
        #expect(first.status == 200)
        #expect(first.json["items"]?.arrayValue?.compactMap { $0["institution"]?["id"]?.numberValue?.int64 } == [1, 2, 3])
        #expect(first.json["items"]?[1]?["compliant"] == true)
        #expect(first.json["standard_version"]?.numberValue?.int64 == 1)
        let cursor = try #require(first.json["next_cursor"]?.stringValue)
        let second = try app.client.get("/v1/facility-compliance?limit=3&cursor=\(cursor)", token: app.adminToken)
        #expect(second.json["items"]?.arrayValue?.compactMap { $0["institution_id"]?.numberValue?.int64 } == [4, 5])
        #expect(second.json["next_cursor"] == .null)

        let summary = try app.client.get("/v1/facility-compliance/summary", token: app.adminToken)
        #expect(summary.json["institutions"]?.numberValue?.int64 == 5)
        #expect(summary.json["compliant"]?.numberValue?.int64 == 2)
        #expect(summary.json["failing_by_rule"]?["hauler_contracts"]?.numberValue?.int64 == 3)
        let mean = try #require(summary.json["mean_score"]?.numberValue?.double)
        #expect(mean > 0 && mean < 100)
    }
}
