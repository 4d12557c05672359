import Foundation
import JSON
import Testing
import WasteDomain

/// `GET /v1/coverage`: 全覆盖 unit by unit with what stands in the way (docs/DECISIONS.md).
@Suite struct CoverageTests {
    /// On 10 July 2026: unit 1 meets every condition of 2026 so far, unit 2 none, unit 3 was inspected below 60.
    private func district() throws -> TestApp {
        let app = try TestApp()
        app.clock.set(Timestamp(parsing: "2026-07-10T02:00:00Z")!)
        let now = "2026-07-10T02:00:00Z"
        for id in [1, 2, 3] { try app.institution(Int64(id)) }
        try app.sql("UPDATE institutions SET working_body_established_on = '2026-01-05', plan_submitted_on = '2026-01-20' WHERE id = 1")
        try app.equip(1)
        for (id, institution, tenths) in [(1, 1, 850), (2, 3, 500)] {
            try app.sql("""
                INSERT INTO inspections (id, institution_id, rubric_id, inspected_on, kind, inspector_id, status, total_tenths,
                                         created_at, updated_at)
                VALUES (?, ?, 1, '2026-05-20', 'monthly', 1, 'finalized', ?, ?, ?)
                """, [id, institution, tenths, now, now])
        }
        for month in 1...6 {
            try app.sql("""
                INSERT INTO ledger_reports (institution_id, month, status, submitted_at, created_at, updated_at)
                VALUES (1, ?, 'submitted', ?, ?, ?)
                """, ["2026-0\(month)", "2026-0\(month)-28T00:00:00Z", now, now])
        }
        return app
    }

    private func codes(_ item: JSONValue?) -> [String] { item?["unmet"]?.arrayValue?.compactMap { $0["code"]?.stringValue } ?? [] }

    @Test func everyUnitIsListedWithItsUnmetConditionsAndTheOverviewAgrees() throws {
        let app = try district()
        let response = try app.client.get("/v1/coverage?period=2026", token: app.adminToken)
        #expect(response.status == 200)
        let items = try #require(response.json["items"]?.arrayValue)
        #expect(items.compactMap { $0["institution"]?["code"]?.stringValue } == ["U1", "U2", "U3"])
        #expect(items[0]["covered"] == .bool(true))
        #expect(codes(items[0]).isEmpty)
        #expect(codes(items[1]) == ["working_body", "plan", "facilities", "ledger", "inspection"])
        let messages = items[1]["unmet"]?.arrayValue?.compactMap { $0["message_zh"]?.stringValue } ?? []
        #expect(messages.contains("本期未接受检查"))
        #expect(messages.contains { $0.contains("2026年1月") && $0.contains("2026年6月") && $0.contains("台账未报送") })
        #expect(messages.contains { $0.contains("有害垃圾") })
        #expect(codes(items[2]).last == "inspection")
        #expect(items[2]["unmet"]?.arrayValue?.last?["message_zh"] == "本期检查得分均低于60分")
        let totals = response.json["totals"]
        #expect(totals?["covered"]?.numberValue?.int64 == 1)
        #expect(totals?["institutions"]?.numberValue?.int64 == 3)
        #expect(totals?["unmet"]?["inspection"]?.numberValue?.int64 == 2)
        let overview = try app.client.get("/v1/stats/overview?period=2026", token: app.adminToken).json
        #expect(overview["coverage"]?["covered"]?.numberValue?.int64 == 1)
        #expect(overview["coverage"]?["rate"]?.numberValue?.text == totals?["rate"]?.numberValue?.text)
    }

    @Test func csvForSpreadsheetsAndAClerkSeesOnlyItsOwnUnit() throws {
        let app = try district()
        let csv = try app.client.get("/v1/coverage?period=2026", token: app.adminToken, headers: [("Accept", "text/csv")])
        #expect(csv.status == 200)
        #expect(csv.header("content-type")?.hasPrefix("text/csv") == true)
        let lines = csv.text.split(separator: "\r\n").map(String.init)
        #expect(lines.count == 4)
        #expect(lines[0].hasSuffix("institution_code,institution_name,covered,unmet,unmet_zh"))
        #expect(lines[2].hasPrefix("U2,单位2,"))
        #expect(lines[2].contains("working_body; plan; facilities; ledger; inspection"))
        #expect(lines[2].contains("本期未接受检查"))
        let xlsx = try app.client.get("/v1/coverage?period=2026&format=xlsx", token: app.adminToken)
        #expect(xlsx.status == 200)
        #expect(Array(xlsx.body.prefix(2)) == [0x50, 0x4B])  // a ZIP package
        let clerk = try app.user("clerk3", role: "clerk", institution: 3)
        let own = try app.client.get("/v1/coverage?period=2026", token: clerk).json["items"]?.arrayValue ?? []
        #expect(own.compactMap { $0["institution"]?["code"]?.stringValue } == ["U3"])
        let viewer = try app.user("viewer", role: "viewer")
        #expect(try app.client.get("/v1/coverage?period=2026", token: viewer).status == 403)
        #expect(try app.client.get("/v1/coverage?period=2026-13", token: app.adminToken).errorFields == ["period"])
        // the facility shortfalls behind U2's "facilities" say in Chinese what is missing
        let compliance = try app.client.get("/v1/institutions/2/facility-compliance", token: app.adminToken).json
        let shortfalls = compliance["shortfalls"]?.arrayValue ?? []
        let rules = Set(shortfalls.compactMap { $0["rule"]?.stringValue })
        let expected: Set<String> = ["hazardous_point", "office_point_bins", "signage"]
        #expect(rules.isSuperset(of: expected))
        #expect(shortfalls.allSatisfy { !($0["message_zh"]?.stringValue ?? "").isEmpty })
        #expect(shortfalls.contains { $0["message_zh"] == "未设置办公楼层收集点，缺少可回收物、其他垃圾收集容器" })
    }
}
