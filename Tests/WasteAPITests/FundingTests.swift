import Foundation
import JSON
import Testing

@Suite struct FundingTests {
    @Test func yuanAmountsAreStoredAsFenAndSumExactly() throws {
        let fixture = try ActivityFixture()
        let first = try fixture.create("funding", .object(JSONObject([
            ("year", 2020), ("budget_yuan", .number(JSONNumber("0.1")!)), ("spent_yuan", .number(JSONNumber("0.10")!)),
        ])))
        try fixture.create("funding", .object(JSONObject([
            ("year", 2020), ("budget_yuan", .number(JSONNumber("0.2")!)), ("spent_yuan", .number(JSONNumber("2e-1")!)),
        ])))
        try fixture.create("funding", ["year": 2021, "budget_yuan": 99999999.99])
        #expect(first["budget_yuan"]?.scopedNumberText == "0.1")
        #expect(first["spent_yuan"]?.scopedNumberText == "0.1")
        let stored = try fixture.app.pool.read { db in
            try db.query("SELECT budget_fen, spent_fen FROM funding ORDER BY id").map { [try $0.int64("budget_fen"), try $0.int64("spent_fen")] }
        }
        #expect(stored == [[10, 10], [20, 20], [9_999_999_999, 0]])

        let year2020 = try fixture.app.client.get("/v1/institutions/1/funding?year=2020", token: fixture.inspector).json
        #expect(year2020["items"]?.arrayValue?.count == 2)
        #expect(year2020["totals"]?["budget_yuan"]?.scopedNumberText == "0.3")
        #expect(year2020["totals"]?["spent_yuan"]?.scopedNumberText == "0.3")
        // totals cover every selected line, not only the page
        let paged = try fixture.app.client.get("/v1/institutions/1/funding?limit=1", token: fixture.admin).json
        #expect(paged["items"]?.arrayValue?.count == 1)
        #expect(paged["totals"]?["budget_yuan"]?.scopedNumberText == "100000000.29")
        #expect(paged["items"]?[0]?["budget_yuan"]?.scopedNumberText == "0.1")
        let empty = try fixture.app.client.get("/v1/institutions/2/funding", token: fixture.admin).json
        #expect(empty["totals"]?["spent_yuan"]?.scopedNumberText == "0")
    }

    @Test func badAmountsAndYearsAreReportedAtOnce() throws {
        let fixture = try ActivityFixture()
        let response = try fixture.app.client.post("/v1/institutions/1/funding", json: [
            "year": 1999, "budget_yuan": 10.005, "spent_yuan": -1, "purpose": 7,
        ], token: fixture.clerkA)
        #expect(response.status == 400)
        let codes = Dictionary(uniqueKeysWithValues: (response.json["errors"]?.arrayValue ?? []).compactMap { error in
            error["field"]?.stringValue.map { ($0, error["code"]?.stringValue ?? "") }
        })
        #expect(codes == ["year": "out_of_range", "budget_yuan": "too_many_decimals", "spent_yuan": "out_of_range",
                          "purpose": "type"])
        let absurd = try fixture.app.client.post("/v1/institutions/1/funding", json: [
            "year": 2020.5, "budget_yuan": 1e300, "spent_yuan": "100",
        ], token: fixture.clerkA)
        #expect(Set(absurd.errorFields) == ["year", "budget_yuan", "spent_yuan"])
        let missing = try fixture.app.client.post("/v1/institutions/1/funding", json: ["purpose": "垃圾桶"], token: fixture.clerkA)
        #expect(Set(missing.errorFields) == ["year", "budget_yuan"])
        #expect(try fixture.count("funding") == 0)
    }

    @Test func spendingIsUpdatedExactly() throws {
        let fixture = try ActivityFixture()
        let line = try fixture.create("funding", ["year": 2020, "budget_yuan": 5000, "purpose": "宣传手册印制"])
        #expect(line["spent_yuan"]?.scopedNumberText == "0")
        let patched = try fixture.app.client.patch("/v1/funding/\(line.scopedID)",
                                                   json: .object(JSONObject([("spent_yuan", .number(JSONNumber("1234.56")!))])),
                                                   token: fixture.clerkA)
        #expect(patched.json["spent_yuan"]?.scopedNumberText == "1234.56")
        #expect(patched.json["budget_yuan"]?.scopedNumberText == "5000")
        #expect(try fixture.app.client.get("/v1/institutions/1/funding?year=1999", token: fixture.admin).status == 400)
    }
}
