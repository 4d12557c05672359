import Foundation
import JSON
import Testing
import WasteDomain

/// The notice's life cycle over HTTP (docs/DECISIONS.md, "The notice's life cycle"): on 10 July 2026
/// the second quarter has ended and the third runs.
@Suite struct NoticeLifecycleTests {
    private func district(publicRead: Bool = false) throws -> TestApp {
        let app = try TestApp(publicRead: publicRead)
        app.clock.set(Timestamp(parsing: "2026-07-10T02:00:00Z")!)
        let now = "2026-07-10T02:00:00Z"
        for (id, code, name, tenths) in [(1, "Q-01", "尖山区财政局", 900), (2, "Q-02", "尖山区水务局", 700)] {
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
        try app.sql("""
            INSERT INTO institutions (id, code, name, kind, headcount, floors, created_at, updated_at)
            VALUES (3, 'Q-03', '尖山区档案馆', 'public_institution', 10, 1, ?, ?)
            """, [now, now])
        return app
    }

    private func draft(_ app: TestApp, _ body: JSONValue) throws -> Int64 {
        let response = try app.client.post("/v1/notices", json: body, token: app.adminToken)
        #expect(response.status == 201, "\(response.text)")
        return try #require(response.json["id"]?.numberValue?.int64)
    }

    private func publish(_ app: TestApp, _ id: Int64) throws -> HTTPTestClient.Response {
        try app.client.request("POST", "/v1/notices/\(id)/publish", token: app.adminToken)
    }

    @Test func aRunningPeriodIsDraftedWithItsCutOffButNotPublished() throws {
        let app = try district()
        let preview = try app.client.get("/v1/notices/preview?period=2026-Q3&kind=quarterly&format=text", token: app.adminToken)
        #expect(preview.status == 200)
        #expect(preview.text.contains("数据截至2026年7月10日"))
        let id = try draft(app, ["period": "2026-Q3", "kind": "quarterly"])
        #expect(try app.client.get("/v1/notices/\(id)", token: app.adminToken).json["content"]?["data_as_of"] == "2026-07-10")
        let refused = try publish(app, id)
        #expect(refused.status == 409)
        #expect(refused.json["field"] == "period")
        #expect(try app.client.get("/v1/notices/\(id)", token: app.adminToken).json["status"] == "draft")
        // an ended period has no cut-off line
        let ended = try app.client.get("/v1/notices/preview?period=2026-Q2&kind=quarterly", token: app.adminToken)
        #expect(ended.json["data_as_of"] == .null)
        #expect(try app.client.get("/v1/notices/preview?period=2026-Q2&kind=quarterly&format=text", token: app.adminToken)
            .text.contains("数据截至") == false)
    }

    @Test func oneNoticeStandsPerPeriodAndKindUnlessADraftSupersedesIt() throws {
        let app = try district()
        let first = try draft(app, ["period": "2026-Q2", "kind": "quarterly"])
        #expect(try publish(app, first).json["number"] == "尖垃分办〔2026〕1号")
        let second = try draft(app, ["period": "2026-Q2", "kind": "quarterly"])
        let refused = try publish(app, second)
        #expect(refused.status == 409)
        #expect(refused.json["field"] == "supersedes")
        // supersedes must name the standing notice of the same period and kind
        #expect(try app.client.post("/v1/notices", json: ["period": "2026-Q2", "kind": "quarterly", "supersedes": 999],
                                    token: app.adminToken).errorFields == ["supersedes"])
        #expect(try app.client.post("/v1/notices", json: ["period": "2026-06", "kind": "monthly", "supersedes": .number(JSONNumber(first))],
                                    token: app.adminToken).errorFields == ["supersedes"])
        let replacement = try draft(app, ["period": "2026-Q2", "kind": "quarterly", "supersedes": .number(JSONNumber(first))])
        let published = try publish(app, replacement)
        #expect(published.status == 200)
        #expect(published.json["number"] == "尖垃分办〔2026〕2号")
        #expect(published.json["supersedes"]?.numberValue?.int64 == first)
        let old = try app.client.get("/v1/notices/\(first)", token: app.adminToken).json
        #expect(old["status"] == "superseded")
        #expect(old["superseded_by"]?.numberValue?.int64 == replacement)
        #expect(old["number"] == "尖垃分办〔2026〕1号")
        let standing = try app.client.get("/v1/notices?status=published", token: app.adminToken).json["items"]?.arrayValue ?? []
        #expect(standing.compactMap { $0["id"]?.numberValue?.int64 } == [replacement])
        let actions = try app.client.get("/v1/audit-events?entity=notice", token: app.adminToken).json["items"]?.arrayValue?
            .compactMap { $0["action"]?.stringValue } ?? []
        #expect(Set(actions) == ["create", "publish", "supersede"])
    }

    @Test func aWithdrawnNoticeStaysReadableToStaffIsHiddenFromThePublicAndKeepsItsNumber() throws {
        let app = try district(publicRead: true)
        let id = try draft(app, ["period": "2026-Q2", "kind": "quarterly"])
        let path = "/v1/notices/\(id)/withdraw"
        #expect(try app.client.post(path, json: ["reason": "x"], token: app.adminToken).status == 409)  // still a draft
        _ = try publish(app, id)
        #expect(try app.client.get("/v1/notices/\(id)").status == 200)
        #expect(try app.client.post(path, json: [:], token: app.adminToken).errorFields == ["reason"])
        let withdrawn = try app.client.post(path, json: ["reason": "排名数据有误"], token: app.adminToken)
        #expect(withdrawn.status == 200)
        #expect(withdrawn.json["status"] == "withdrawn")
        #expect(withdrawn.json["withdrawal_reason"] == "排名数据有误")
        #expect(withdrawn.json["withdrawn_at"] == "2026-07-10T02:00:00Z")
        #expect(try app.client.post(path, json: ["reason": "again"], token: app.adminToken).status == 409)
        // readable to staff, hidden from anonymous readers
        #expect(try app.client.get("/v1/notices/\(id)", token: app.adminToken).json["status"] == "withdrawn")
        #expect(try app.client.get("/v1/notices/\(id)").status == 404)
        #expect(try app.client.get("/v1/notices?year=2026").json["items"]?.arrayValue?.count == 0)
        // a new notice may be published for the period; the withdrawn number is not reused
        let next = try draft(app, ["period": "2026-Q2", "kind": "quarterly"])
        #expect(try publish(app, next).json["number"] == "尖垃分办〔2026〕2号")
        let actions = try app.client.get("/v1/audit-events?entity=notice", token: app.adminToken).json["items"]?.arrayValue?
            .compactMap { $0["action"]?.stringValue } ?? []
        #expect(actions.contains("withdraw"))
    }

    @Test func theContentNamesUnrankedUnitsAndListsLateRectifications() throws {
        let app = try district()
        let now = "2026-07-10T02:00:00Z"
        // one finding still open past its deadline, one rectified after it, one rectified in time
        for (id, status, rectifiedOn) in [(1, "open", nil), (2, "rectified", "2026-06-25"), (3, "rectified", "2026-06-10")] as [(Int, String, String?)] {
            try app.sql("""
                INSERT INTO findings (id, inspection_id, institution_id, position, item_code, description, severity, rectify_by,
                                      status, rectified_on, created_at, updated_at)
                VALUES (?, 2, 2, ?, 'C1', ?, 'major', '2026-06-15', ?, ?, ?, ?)
                """, [id, id, "问题\(id)", status, rectifiedOn, now, now])
        }
        let content = try app.client.get("/v1/notices/preview?period=2026-Q2&kind=quarterly", token: app.adminToken).json
        let unranked = content["unranked"]?.arrayValue ?? []
        #expect(unranked.compactMap { $0["name"]?.stringValue } == ["尖山区档案馆"])
        #expect(unranked.first?["reason"] == "本期未接受检查")
        let rectifications = content["rectifications"]?.arrayValue ?? []
        #expect(rectifications.compactMap { $0["description"]?.stringValue } == ["问题1", "问题2"])
        #expect(rectifications.last?["rectified_late"] == .bool(true))
        let text = try app.client.get("/v1/notices/preview?period=2026-Q2&kind=quarterly&format=markdown", token: app.adminToken).text
        #expect(text.contains("尖山区档案馆（本期未接受检查）"))
        #expect(text.contains("逾期整改"))
    }
}
