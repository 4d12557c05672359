import Foundation
import JSON
import Testing
import WasteDomain

/// The whole loop over HTTP only: the office registers a unit and its clerk, the clerk reports
/// a month, an inspector scores a visit, the unit rectifies, and the ranking and the notice show it.
@Suite struct SupervisionLoopTests {
    @Test func clerkInspectorRankingAndNotice() throws {
        let app = try TestApp()
        app.clock.set(Timestamp(parsing: "2026-11-03T02:00:00Z")!)
        let admin = app.adminToken

        // the office registers an institution, its clerk and an inspector
        let institution = try app.client.post("/v1/institutions", json: [
            "code": "JS-100", "name": "尖山区机关事务服务中心", "kind": "party_government_organ", "headcount": 60, "floors": 3,
            "has_canteen": false, "working_body_established_on": "2026-01-05", "plan_submitted_on": "2026-01-20",
            "reporting_starts_on": "2026-10-01",   // it owes October's report: registered late, in the scheme since October
        ], token: admin)
        #expect(institution.status == 201)
        let id = try #require(institution.json["id"]?.numberValue?.int64)
        for (name, role) in [("clerk100", "clerk"), ("inspector1", "inspector")] {
            var body: JSONObject = ["username": .string(name), "display_name": "测试", "role": .string(role), "password": "long-password"]
            if role == "clerk" { body.set("institution_id", .number(JSONNumber(id))) }
            #expect(try app.client.post("/v1/users", json: .object(body), token: admin).status == 201)
        }
        let clerk = try app.login("clerk100", "long-password")
        let inspector = try app.login("inspector1", "long-password")

        // the clerk reports October and submits it on time (due 2026-11-05)
        let entries = try app.client.post("/v1/institutions/\(id)/ledger-entries", json: ["entries": [
            ["occurred_on": "2026-10-09", "category": "厨余垃圾", "weight_kg": 20.125, "stage": "collected", "disposal": "composted"],
            ["occurred_on": "2026-10-09", "category": "可回收物", "weight_kg": 5.5, "stage": "collected", "disposal": "recycled"],
            ["occurred_on": "2026-10-20", "category": "干垃圾", "weight_kg": 30, "stage": "collected", "disposal": "incinerated"],
            ["occurred_on": "2026-10-21", "category": "有害垃圾", "weight_kg": 0.375, "stage": "collected", "disposal": "hazardous_treatment"],
        ]], token: clerk)
        #expect(entries.status == 201)
        #expect(try app.client.request("POST", "/v1/institutions/\(id)/ledger-reports/2026-10/submit", token: clerk).status == 200)
        #expect(try app.client.request("POST", "/v1/institutions/\(id)/ledger-reports/2026-10/accept", token: inspector).status == 200)
        // the frozen month refuses more entries
        let late = try app.client.post("/v1/institutions/\(id)/ledger-entries", json: [
            "occurred_on": "2026-10-22", "category": "food", "weight_kg": 1, "stage": "collected"], token: clerk)
        #expect(late.status == 409)

        // an inspector scores a visit on the default rubric, with one finding
        let rubric = try app.client.get("/v1/rubrics?active=true", token: inspector)
        let codes = rubric.json["items"]?.arrayValue?.first?["items"]?.arrayValue?.compactMap { $0["code"]?.stringValue } ?? []
        #expect(codes.count == 16)
        let maxima = rubric.json["items"]?.arrayValue?.first?["items"]?.arrayValue?.compactMap { $0["max_points"]?.numberValue?.int64 } ?? []
        let items: [JSONValue] = zip(codes, maxima).map { code, max in
            // C3 is measured from the sample (17 of 20 bins: 14.2); the inspector marks it down and says why
            code == "C3" ? .object(JSONObject([("code", .string(code)), ("score", .number(JSONNumber(max - 5))),
                                               ("note", "三楼厨余桶混投严重")]))
                : .object(JSONObject([("code", .string(code)), ("score", .number(JSONNumber(max)))]))
        }
        let inspection = try app.client.post("/v1/inspections", json: .object(JSONObject([
            ("institution_id", .number(JSONNumber(id))), ("inspected_on", "2026-10-28"), ("kind", "monthly"),
            ("items", .array(items)), ("accuracy_sample", ["bins_checked": 20, "bins_correct": 17]),
            ("findings", [["item_code": "C3", "description": "三楼厨余桶混入塑料袋", "severity": "minor", "rectify_by": "2026-11-15"]]),
        ])), token: inspector)
        #expect(inspection.status == 201)
        #expect(inspection.json["total"]?.numberValue?.text == "95")
        let c3 = inspection.json["items"]?.arrayValue?.first { $0["code"] == "C3" }
        #expect(c3?["measured_score"]?.numberValue?.text == "14.2")
        #expect(c3?["score"]?.numberValue?.text == "10")
        let inspectionID = try #require(inspection.json["id"]?.numberValue?.int64)
        #expect(try app.client.request("POST", "/v1/inspections/\(inspectionID)/finalize", token: inspector).status == 200)

        // the clerk uploads the after photo from a phone (multipart), rectifies, the inspector sees it and verifies
        let findings = try app.client.get("/v1/findings?institution_id=\(id)", token: clerk)
        let findingID = try #require(findings.json["items"]?.arrayValue?.first?["id"]?.numberValue?.int64)
        let photo = HTTPTestClient.FilePart(filename: "整改后.jpg", bytes: ExifJPEGBuilder().jpeg())
        #expect(try app.client.uploadMultipart("/v1/findings/\(findingID)/attachments?stage=rectified", [photo], token: clerk).status == 201)
        let evidence = try app.client.get("/v1/findings/\(findingID)/attachments", token: inspector)
        #expect(evidence.json["items"]?.arrayValue?.first?["taken_at"]?.stringValue == "2026-11-20T09:30:15+08:00")
        #expect(try app.client.post("/v1/findings/\(findingID)/rectify", json: ["note": "已更换分类标识并培训保洁人员"],
                                    token: clerk).status == 200)
        #expect(try app.client.request("POST", "/v1/findings/\(findingID)/verify", token: inspector).status == 200)

        // the ranking of October has the institution, with the inspection and the on-time report behind it
        let ranking = try app.client.get("/v1/rankings?period=2026-10", token: admin)
        let entry = try #require(ranking.json["entries"]?.arrayValue?.first)
        #expect(entry["institution"]?["id"]?.numberValue?.int64 == id)
        #expect(entry["components"]?["inspection"]?.numberValue?.text == "95")
        #expect(entry["components"]?["ledger"]?.numberValue?.text == "100")

        // the monthly notice names it and numbers on publication
        let preview = try app.client.get("/v1/notices/preview?period=2026-10&kind=monthly&format=markdown", token: admin)
        #expect(preview.text.contains("尖山区机关事务服务中心"))
        // rubric items by title, not code (docs/NOTICE-FORMAT.md)
        #expect(preview.text.contains("投放准确率（目标≥90%）"))
        #expect(!preview.text.contains("C3"))
        let draft = try app.client.post("/v1/notices", json: ["period": "2026-10", "kind": "monthly"], token: admin)
        let noticeID = try #require(draft.json["id"]?.numberValue?.int64)
        let published = try app.client.request("POST", "/v1/notices/\(noticeID)/publish", token: admin)
        #expect(published.json["number"]?.stringValue == "尖垃分办〔2026〕1号")

        // and the audit log saw every step
        let audit = try app.client.get("/v1/audit-events?limit=500", token: admin)
        let actions = Set(audit.json["items"]?.arrayValue?.compactMap { event in
            event["entity"]?.stringValue.flatMap { entity in event["action"]?.stringValue.map { "\(entity).\($0)" } }
        } ?? [])
        for expected in ["institution.create", "user.create", "ledger_entry.create", "inspection.create", "inspection.finalize",
                         "notice.publish"] {
            #expect(actions.contains(expected), "\(expected) missing from \(actions.sorted())")
        }
    }
}
