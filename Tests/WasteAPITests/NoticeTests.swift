import Foundation
import JSON
import Testing
import WasteDomain

/// Notices for a fixture district: three institutions in the second quarter of 2026.
@Suite struct NoticeTests {
    private func district(publicRead: Bool = false) throws -> TestApp {
        let app = try TestApp(publicRead: publicRead)
        app.clock.set(Timestamp(parsing: "2026-07-10T02:00:00Z")!)
        let now = "2026-07-10T02:00:00Z"
        let units = [(1, "Q-01", "尖山区<机关>事务服务中心", 1000), (2, "Q-02", "尖山区财政局", 820), (3, "Q-03", "尖山区水务局", 520)]
        for (id, code, name, tenths) in units {
            try app.sql("""
                INSERT INTO institutions (id, code, name, kind, headcount, floors, created_at, updated_at)
                VALUES (?, ?, ?, 'party_government_organ', 30, 1, ?, ?)
                """, [id, code, name, now, now])
            try app.sql("""
                INSERT INTO inspections (id, institution_id, rubric_id, inspected_on, kind, inspector_id, status, total_tenths,
                                         created_at, updated_at)
                VALUES (?, ?, 1, '2026-05-20', 'monthly', 1, 'finalized', ?, ?, ?)
                """, [id, id, tenths, now, now])
        }
        // institutions 2 and 3 both fall short on C3 (disposal accuracy), 3 also on C6; 3's C6 finding is overdue
        for (id, institution, item, deadline) in [(1, 2, "C3", "2026-08-01"), (2, 3, "C3", "2026-08-01"), (3, 3, "C6", "2026-06-30")] {
            try app.sql("""
                INSERT INTO findings (id, inspection_id, institution_id, position, item_code, description, severity, rectify_by,
                                      status, created_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, 'major', ?, 'open', ?, ?)
                """, [id, institution, institution, id, item, "问题\(id)", deadline, now, now])
        }
        for institution in [1, 2] {
            for month in ["2026-04", "2026-05", "2026-06"] {
                try app.sql("""
                    INSERT INTO ledger_reports (institution_id, month, status, submitted_at, created_at, updated_at)
                    VALUES (?, ?, 'submitted', ?, ?, ?)
                    """, [institution, month, "\(month)-28T00:00:00Z", now, now])
            }
        }
        return app
    }

    @Test func previewNamesPraisedAndCriticizedUnitsAndGroupsProblems() throws {
        let app = try district()
        let response = try app.client.get("/v1/notices/preview?period=2026-Q2&kind=quarterly", token: app.adminToken)
        #expect(response.status == 200)
        let content = response.json
        #expect(content["title"]?.stringValue == "关于2026年第二季度党政机关等公共机构生活垃圾分类工作检查情况的通报")
        #expect(content["number"] == .null)
        #expect(content["praised"]?.arrayValue?.compactMap { $0["name"]?.stringValue } == ["尖山区<机关>事务服务中心"])
        let criticized = try #require(content["criticized"]?.arrayValue)
        #expect(criticized.compactMap { $0["name"]?.stringValue } == ["尖山区水务局"])
        let reasons = criticized.first?["reasons"]?.arrayValue?.compactMap(\.stringValue) ?? []
        #expect(reasons.contains { $0.contains("不合格") })
        #expect(reasons.contains { $0.contains("4月、5月、6月台账未报送") })
        let problems = try #require(content["problems"]?.arrayValue)
        #expect(problems.first?["item_code"]?.stringValue == "C3")
        #expect(problems.first?["count"]?.numberValue?.int64 == 2)
        let rectifications = try #require(content["rectifications"]?.arrayValue)
        #expect(rectifications.count == 3)
        #expect(rectifications.first?["overdue"] == .bool(true))
        #expect(content["ranking"]?.arrayValue?.map { $0["rank"]?.numberValue?.int64 } == [1, 2, 3])
    }

    @Test func everyFormatCarriesTheSameSections() throws {
        let app = try district()
        let sections = ["一、总体情况", "二、表扬单位", "三、存在问题及通报批评单位", "四、整改要求", "得分排名表"]
        for (format, type) in [("markdown", "text/markdown"), ("html", "text/html"), ("text", "text/plain")] {
            let response = try app.client.get("/v1/notices/preview?period=2026-Q2&kind=quarterly&format=\(format)",
                                              token: app.adminToken)
            #expect(response.status == 200)
            #expect(response.header("content-type")?.hasPrefix(type) == true)
            for section in sections { #expect(response.text.contains(section), "\(format) lacks \(section)") }
        }
        let html = try app.client.get("/v1/notices/preview?period=2026-Q2&kind=quarterly", token: app.adminToken,
                                      headers: [("Accept", "text/html")])
        #expect(html.text.contains("size: A4"))
        #expect(html.text.contains("尖山区&lt;机关&gt;事务服务中心"))   // names are escaped
        #expect(!html.text.contains("<机关>"))
        let markdown = try app.client.get("/v1/notices/preview?period=2026-Q2&kind=quarterly", token: app.adminToken,
                                          headers: [("Accept", "text/markdown")])
        // period score: 100 × 0.6 + 100 × 0.2 (ledger) + 0 × 0.1 (no facility recorded meets no rule) + 0 = 80.00
        // raw HTML in a name comes out inert in Markdown (issue 13, F5)
        #expect(markdown.text.contains("| 1 | 尖山区\\<机关\\>事务服务中心 | 党政机关 | 80.00 | 良好 |"))
        #expect(!markdown.text.contains("<机关>"))
        let refused = try app.client.get("/v1/notices/preview?period=2026-Q2&kind=quarterly", token: app.adminToken,
                                         headers: [("Accept", "image/png")])
        #expect(refused.status == 406)
    }

    @Test func publishingNumbersPerYearAndFreezesTheContent() throws {
        let app = try district()
        let first = try app.client.post("/v1/notices", json: ["period": "2026-Q2", "kind": "quarterly"], token: app.adminToken)
        #expect(first.status == 201)
        let firstID = try #require(first.json["id"]?.numberValue?.int64)
        let second = try app.client.post("/v1/notices", json: ["period": "2026-06", "kind": "monthly"], token: app.adminToken)
        let secondID = try #require(second.json["id"]?.numberValue?.int64)
        let published = try app.client.request("POST", "/v1/notices/\(firstID)/publish", token: app.adminToken)
        #expect(published.status == 200)
        #expect(published.json["number"]?.stringValue == "尖垃分办〔2026〕1号")
        #expect(try app.client.request("POST", "/v1/notices/\(secondID)/publish", token: app.adminToken)
            .json["number"]?.stringValue == "尖垃分办〔2026〕2号")
        #expect(try app.client.request("POST", "/v1/notices/\(firstID)/publish", token: app.adminToken).status == 409)
        // later data does not change a published notice
        try app.sql("UPDATE inspections SET total_tenths = 100 WHERE id = 1")
        let frozen = try app.client.get("/v1/notices/\(firstID)?format=markdown", token: app.adminToken)
        #expect(frozen.text.contains("尖垃分办〔2026〕1号"))
        #expect(frozen.text.contains("80.00"))
    }

    @Test func draftsAreHiddenFromViewersAndThePublic() throws {
        let app = try district(publicRead: true)
        let draft = try app.client.post("/v1/notices", json: ["period": "2026-Q2", "kind": "quarterly"], token: app.adminToken)
        let id = try #require(draft.json["id"]?.numberValue?.int64)
        #expect(try app.client.get("/v1/notices/\(id)").status == 404)
        #expect(try app.client.get("/v1/notices").json["items"]?.arrayValue?.count == 0)
        _ = try app.client.request("POST", "/v1/notices/\(id)/publish", token: app.adminToken)
        #expect(try app.client.get("/v1/notices/\(id)?format=html").status == 200)
        #expect(try app.client.get("/v1/notices?year=2026").json["items"]?.arrayValue?.count == 1)
    }

    @Test func kindAndPeriodMustAgree() throws {
        let app = try district()
        let preview = try app.client.get("/v1/notices/preview?period=2026-Q2&kind=monthly", token: app.adminToken)
        #expect(preview.status == 400)
        #expect(preview.errorFields == ["period"])
        let create = try app.client.post("/v1/notices", json: ["period": "2026", "kind": "weekly"], token: app.adminToken)
        #expect(create.status == 400)
        #expect(create.errorFields == ["kind"])
    }
}
