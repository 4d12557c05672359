import Foundation
import JSON
import Testing

@Suite struct RubricTests {
    /// A small valid rubric body: two sections, 100 points.
    static func rubricBody(activate: Bool? = nil) -> JSONValue {
        var object = JSONObject([
            ("name", "2021 修订版"),
            ("sections", [["code": "A", "title_zh": "组织管理", "title_en": "Organisation"],
                          ["code": "C", "title_zh": "投放收运", "title_en": "Disposal and collection"]]),
            ("items", [["code": "A1", "section": "A", "title_zh": "组织领导", "title_en": "Leadership", "max_points": 40],
                       ["code": "C1", "section": "C", "title_zh": "投放准确率", "title_en": "Disposal accuracy", "max_points": 59.5],
                       ["code": "C2", "section": "C", "title_zh": "及时清运", "title_en": "Timely removal", "max_points": 0.5]]),
        ])
        if let activate { object.set("activate", .bool(activate)) }
        return .object(object)
    }

    @Test func theDefaultRubricShipsWithTheSpecsItemsAndTotals() throws {
        let world = try InspectionWorld()
        let list = try world.app.client.get("/v1/rubrics", token: world.clerk)
        #expect(list.status == 200)
        let rubrics = try #require(list.json["items"]?.arrayValue)
        #expect(rubrics.count == 1)
        let rubric = try #require(rubrics.first)
        #expect(rubric["version"]?.int64 == 1)
        #expect(rubric["active"] == .bool(true))
        #expect(rubric["total_points"]?.numberValue?.text == "100")
        let sections = rubric["sections"]?.arrayValue ?? []
        #expect(sections.map { $0["code"]?.stringValue ?? "" } == ["A", "B", "C"])
        #expect(sections.map { $0["max_points"]?.numberValue?.text ?? "" } == ["30", "25", "45"])
        #expect(sections.map { $0["title_zh"]?.stringValue ?? "" } == ["组织管理", "宣传教育", "投放收运"])
        let items = rubric["items"]?.arrayValue ?? []
        #expect(items.map { $0["code"]?.stringValue ?? "" } == InspectionWorld.defaultItems.map(\.code))
        #expect(items.map { $0["max_points"]?.numberValue?.text ?? "" } == InspectionWorld.defaultItems.map(\.max))
        #expect(items.first?["title_zh"]?.stringValue == "领导重视、机构健全、职责明确、专人联络")
        #expect(items.allSatisfy { !($0["title_zh"]?.stringValue ?? "").isEmpty && !($0["title_en"]?.stringValue ?? "").isEmpty })
        #expect(items.first { $0["code"]?.stringValue == "C3" }?["title_zh"]?.stringValue?.contains("投放准确率") == true)
    }

    @Test func singleRubricHasAnETagAndAnswers304() throws {
        let world = try InspectionWorld()
        let first = try world.app.client.get("/v1/rubrics/1", token: world.inspector)
        #expect(first.status == 200)
        let etag = try #require(first.header("etag"))
        #expect(try world.app.client.get("/v1/rubrics/1", token: world.inspector, headers: [("If-None-Match", etag)]).status == 304)
        #expect(try world.app.client.get("/v1/rubrics/99", token: world.inspector).status == 404)
        #expect(try world.app.client.get("/v1/rubrics/abc", token: world.inspector).status == 404)
    }

    @Test func onlyAdminsCreateRubricsAndViewersReadNone() throws {
        let world = try InspectionWorld()
        #expect(try world.app.client.get("/v1/rubrics", token: world.viewer).status == 403)
        #expect(try world.app.client.get("/v1/rubrics/1", token: world.viewer).status == 403)
        #expect(try world.app.client.get("/v1/rubrics").status == 401)
        #expect(try world.app.client.post("/v1/rubrics", json: Self.rubricBody(), token: world.inspector).status == 403)
        #expect(try world.app.client.post("/v1/rubrics", json: Self.rubricBody(), token: world.clerk).status == 403)
        #expect(try world.app.client.post("/v1/rubrics/1/activate", json: [:], token: world.inspector).status == 403)
    }

    @Test func aNewRubricBecomesTheOnlyActiveOneAndOldInspectionsKeepTheirs() throws {
        let world = try InspectionWorld()
        let old = try world.create(world.body(), finalize: true)
        let created = try world.app.client.post("/v1/rubrics", json: Self.rubricBody(), token: world.admin)
        #expect(created.status == 201)
        #expect(created.json["version"]?.int64 == 2)
        #expect(created.json["active"] == .bool(true))
        #expect(created.json["items"]?[1]?["max_points"]?.numberValue?.text == "59.5")
        let id = try #require(created.json["id"]?.int64)
        #expect(created.header("location") == "/v1/rubrics/\(id)")

        let active = try world.app.client.get("/v1/rubrics?active=true", token: world.inspector)
        #expect(active.json["items"]?.arrayValue?.map { $0["version"]?.int64 } == [2])
        #expect(try world.app.client.get("/v1/rubrics/1", token: world.inspector).json["active"] == .bool(false))
        let inactive = try world.app.client.get("/v1/rubrics?active=false", token: world.inspector)
        #expect(inactive.json["items"]?.arrayValue?.map { $0["version"]?.int64 } == [1])

        let oldID = try #require(old["id"]?.int64)
        let kept = try world.app.client.get("/v1/inspections/\(oldID)", token: world.inspector)
        #expect(kept.json["rubric_version"]?.int64 == 1)
        #expect(kept.json["items"]?.arrayValue?.count == 16)
        #expect(kept.json["total"]?.numberValue?.text == "100")

        // new inspections are scored on version 2: its codes, not the old ones
        let onOld = try world.app.client.post("/v1/inspections", json: world.body(), token: world.inspector)
        #expect(onOld.status == 400)
        #expect(onOld.errorFields.contains("items[1].code"))
        let items: JSONValue = [["code": "A1", "score": 40], ["code": "C1", "score": 50.5], ["code": "C2", "score": 0.5]]
        let onNew = try world.app.client.post("/v1/inspections", json: world.body(extra: [("items", items)]), token: world.inspector)
        #expect(onNew.status == 201)
        #expect(onNew.json["rubric_version"]?.int64 == 2)
        #expect(onNew.json["total"]?.numberValue?.text == "91")
    }

    @Test func aRubricPostedInactiveWaitsUntilActivated() throws {
        let world = try InspectionWorld()
        let created = try world.app.client.post("/v1/rubrics", json: Self.rubricBody(activate: false), token: world.admin)
        #expect(created.status == 201)
        #expect(created.json["active"] == .bool(false))
        #expect(try world.app.client.get("/v1/rubrics/1", token: world.admin).json["active"] == .bool(true))
        let id = try #require(created.json["id"]?.int64)
        let activated = try world.app.client.post("/v1/rubrics/\(id)/activate", json: [:], token: world.admin)
        #expect(activated.status == 200)
        #expect(activated.json["active"] == .bool(true))
        let all = try world.app.client.get("/v1/rubrics", token: world.admin).json["items"]?.arrayValue ?? []
        #expect(all.map { $0["active"] } == [.bool(false), .bool(true)])
        let audit = try world.app.pool.read { db in
            try db.query("SELECT action FROM audit_events WHERE entity = 'rubric' ORDER BY id").map { try $0.string("action") }
        }
        #expect(audit == ["create", "deactivate", "activate"])
    }

    @Test func theDatabaseAllowsOnlyOneActiveRubric() throws {
        let world = try InspectionWorld()
        #expect(try world.app.client.post("/v1/rubrics", json: Self.rubricBody(activate: false), token: world.admin).status == 201)
        #expect(throws: (any Error).self) { try world.app.sql("UPDATE rubrics SET active = 1") }
    }

    @Test func rubricBodiesAreValidatedAllAtOnce() throws {
        let world = try InspectionWorld()
        let body: JSONValue = [
            "name": "",
            "sections": [["code": "A", "title_zh": "甲", "title_en": "A"], ["code": "A", "title_zh": "甲", "title_en": "A"]],
            "items": [["code": "A1", "section": "A", "title_zh": "一", "title_en": "one", "max_points": 50.55],
                      ["code": "A 2", "section": "A", "title_zh": "二", "title_en": "two", "max_points": 10],
                      ["code": "B1", "section": "B", "title_zh": "三", "title_en": "three", "max_points": 10, "weight": 2]],
        ]
        let response = try world.app.client.post("/v1/rubrics", json: body, token: world.admin)
        #expect(response.status == 400)
        #expect(Set(response.errorFields) == ["name", "items[0].max_points", "items[1].code", "items[2].weight"])

        var wrongTotal = Self.rubricBody()
        if case .object(var object) = wrongTotal {
            object.set("items", [["code": "A1", "section": "A", "title_zh": "一", "title_en": "one", "max_points": 60],
                                 ["code": "A1", "section": "B", "title_zh": "一", "title_en": "one", "max_points": 30]])
            wrongTotal = .object(object)
        }
        let second = try world.app.client.post("/v1/rubrics", json: wrongTotal, token: world.admin)
        #expect(second.status == 400)
        #expect(Set(second.errorFields) == ["items[1].code", "items[1].section", "sections[1]", "items"])
        #expect(second.json["errors"]?.arrayValue?.contains { $0["message"]?.stringValue?.contains("add up to 100") == true } == true)
        #expect(try world.app.client.get("/v1/rubrics", token: world.admin).json["items"]?.arrayValue?.count == 1)
    }
}
