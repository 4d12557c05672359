import Foundation
import JSON
import Testing
@testable import WasteAPI
import WasteDomain

@Suite struct InspectionTests {
    @Test func totalGradeAndAccuracyAreComputed() throws {
        let world = try InspectionWorld()
        // 100 − 0.5 − 0.5 − 9.1 = 89.9: one tenth short of excellent
        let body = world.body(scores: ["A1": InspectionWorld.number("4.5"), "B1": InspectionWorld.number("9.5"),
                                       "C3": InspectionWorld.number("5.9")],
                              extra: [("accuracy_sample", ["bins_checked": 40, "bins_correct": 37]), ("note", "午间抽查")])
        let response = try world.app.client.post("/v1/inspections", json: body, token: world.inspector)
        #expect(response.status == 201)
        let json = response.json
        #expect(json["total"]?.numberValue?.text == "89.9")
        #expect(json["grade"]?.stringValue == "good")
        #expect(json["grade_zh"]?.stringValue == "良好")
        #expect(json["status"]?.stringValue == "draft")
        #expect(json["counted"] == .bool(false))
        #expect(json["inspector"]?["username"]?.stringValue == "inspector1")
        #expect(json["rubric_version"]?.int64 == 1)
        #expect(json["accuracy_sample"]?["accuracy"]?.numberValue?.text == "0.925")
        #expect(json["accuracy_sample"]?["meets_target"] == .bool(true))
        #expect(json["sections"]?.arrayValue?.map { $0["score"]?.numberValue?.text ?? "" } == ["29.5", "24.5", "35.9"])
        #expect(json["items"]?[0]?["score"]?.numberValue?.text == "4.5")
        #expect(json["version"]?.int64 == 1)
        let id = try #require(json["id"]?.int64)
        #expect(response.header("location") == "/v1/inspections/\(id)")
        #expect(response.header("etag") == "\"v1\"")

        let exact = try world.create(world.body(scores: ["C3": InspectionWorld.number("5")]))
        #expect(exact["total"]?.numberValue?.text == "90")
        #expect(exact["grade"]?.stringValue == "excellent")
        let passing = try world.create(world.body(scores: ["C3": 0, "C1": 0, "B1": 5, "A2": 0.5]))
        #expect(passing["total"]?.numberValue?.text == "65.5")
        #expect(passing["grade"]?.stringValue == "pass")
        let failing = try world.create(world.body(scores: ["C3": 0, "C1": 0, "B1": 0, "A2": 0, "A1": 4.9]))
        #expect(failing["total"]?.numberValue?.text == "59.9")
        #expect(failing["grade"]?.stringValue == "fail")
        #expect(failing["grade_zh"]?.stringValue == "不合格")
    }

    @Test func severalBadItemsAreReportedAtOnceNamingTheirCodes() throws {
        let world = try InspectionWorld()
        var items = InspectionWorld.items(["A1": InspectionWorld.number("4.55"), "B1": 11, "C2": "5"]).arrayValue ?? []
        items.remove(at: 14)                                 // C5 unscored (a measured item would be prefilled)
        items.append(["code": "X9", "score": 1])             // not in the rubric
        items.append(["code": "A2", "score": 1])             // scored twice
        items.append(["score": 1])                           // no code
        let response = try world.app.client.post("/v1/inspections", json: world.body(extra: [("items", .array(items))]),
                                                  token: world.inspector)
        #expect(response.status == 400)
        let errors = response.json["errors"]?.arrayValue ?? []
        func message(_ field: String) -> String { errors.first { $0["field"]?.stringValue == field }?["message"]?.stringValue ?? "" }
        #expect(Set(response.errorFields) == ["items[0].score", "items[6].score", "items[11].score", "items[15].code",
                                              "items[16].code", "items[17].code", "items"])
        #expect(message("items[0].score").contains("A1"))
        #expect(message("items[0].score").contains("one decimal"))
        #expect(message("items[6].score").contains("B1"))
        #expect(message("items[6].score").contains("10"))
        #expect(message("items[11].score").contains("number"))
        #expect(message("items[15].code").contains("X9"))
        #expect(message("items[16].code").contains("A2"))
        #expect(message("items").contains("C5"))
        #expect(!message("items").contains("C2"))            // C2 was sent, only badly
    }

    @Test func computedAndUnknownFieldsAndBadValuesAreRefused() throws {
        let world = try InspectionWorld()
        let computed = try world.app.client.post("/v1/inspections", json: world.body(extra: [("total", 100), ("grade", "excellent")]),
                                                 token: world.inspector)
        #expect(computed.status == 400)
        #expect(Set(computed.errorFields) == ["total", "grade"])
        #expect(computed.json["errors"]?[0]?["code"]?.stringValue == "unknown_field")

        let bad = world.body(institution: 3, on: "2020-06-16", kind: "weekly",
                             findings: [InspectionWorld.finding("Z1"), InspectionWorld.finding(by: "2020-06-01")],
                             extra: [("accuracy_sample", ["bins_checked": 5, "bins_correct": 6])])
        let response = try world.app.client.post("/v1/inspections", json: bad, token: world.inspector)
        #expect(response.status == 400)
        #expect(Set(response.errorFields) == ["institution_id", "inspected_on", "kind", "findings[0].item_code",
                                              "accuracy_sample.bins_correct"])
        let early = world.body(findings: [InspectionWorld.finding(by: "2020-06-01")])
        let deadline = try world.app.client.post("/v1/inspections", json: early, token: world.inspector)
        #expect(deadline.errorFields == ["findings[0].rectify_by"])
        let missing = try world.app.client.post("/v1/inspections", json: [:], token: world.inspector)
        #expect(Set(missing.errorFields) == ["institution_id", "inspected_on", "kind", "items"])
        let unknownInstitution = try world.app.client.post("/v1/inspections", json: world.body(institution: 99), token: world.inspector)
        #expect(unknownInstitution.errorFields == ["institution_id"])
        #expect(try world.app.pool.read { try $0.scalar("SELECT COUNT(*) FROM inspections", as: Int64.self) } == 0)
    }

    @Test func draftsChangeUntilFinalizedThenAreImmutable() throws {
        let world = try InspectionWorld()
        let created = try world.create(world.body(findings: [InspectionWorld.finding()]))
        let id = try #require(created["id"]?.int64)
        let path = "/v1/inspections/\(id)"
        let patched = try world.app.client.patch(path, json: ["items": InspectionWorld.items(["C3": 12]), "kind": "unannounced"],
                                                 token: world.inspector, headers: [("If-Match", "\"v1\"")])
        #expect(patched.status == 200)
        #expect(patched.json["total"]?.numberValue?.text == "97")
        #expect(patched.json["kind"]?.stringValue == "unannounced")
        #expect(patched.json["version"]?.int64 == 2)
        #expect(patched.json["findings"]?.arrayValue?.count == 1)   // untouched by a PATCH without findings
        #expect(try world.app.client.patch(path, json: ["note": "x"], token: world.inspector,
                                           headers: [("If-Match", "\"v1\"")]).status == 412)
        let badPatch = try world.app.client.patch(path, json: ["total": 100, "items": [["code": "A1", "score": 1]]], token: world.inspector)
        #expect(badPatch.status == 400)
        #expect(Set(badPatch.errorFields) == ["total", "items"])

        let finalized = try world.app.client.post("\(path)/finalize", json: [:], token: world.inspector)
        #expect(finalized.status == 200)
        #expect(finalized.json["status"]?.stringValue == "finalized")
        #expect(finalized.json["counted"] == .bool(true))
        #expect(finalized.json["findings"]?[0]?["status"]?.stringValue == "open")
        let frozen = try world.app.client.patch(path, json: ["note": "改一下"], token: world.inspector)
        #expect(frozen.status == 409)
        #expect(frozen.json["detail"]?.stringValue?.contains("finalized") == true)
        #expect(try world.app.client.post("\(path)/finalize", json: [:], token: world.admin).status == 409)
        #expect(try world.app.client.get(path, token: world.inspector).json["total"]?.numberValue?.text == "97")
        let actions = try world.app.pool.read { db in
            try db.query("SELECT action FROM audit_events WHERE entity = 'inspection' AND entity_id = ? ORDER BY id", [id])
                .map { try $0.string("action") }
        }
        #expect(actions == ["create", "update", "finalize"])
    }

    @Test func voidingNeedsAReasonKeepsTheRecordAndStopsItCounting() throws {
        let world = try InspectionWorld()
        let created = try world.create(world.body(findings: [InspectionWorld.finding()]), finalize: true)
        let id = try #require(created["id"]?.int64)
        let noReason = try world.app.client.post("/v1/inspections/\(id)/void", json: [:], token: world.inspector)
        #expect(noReason.status == 400)
        #expect(noReason.errorFields == ["reason"])
        let voided = try world.app.client.post("/v1/inspections/\(id)/void", json: ["reason": "检查对象填错"], token: world.inspector)
        #expect(voided.status == 200)
        #expect(voided.json["status"]?.stringValue == "voided")
        #expect(voided.json["void_reason"]?.stringValue == "检查对象填错")
        #expect(voided.json["counted"] == .bool(false))
        #expect(voided.json["findings"]?[0]?["status"]?.stringValue == "withdrawn")
        #expect(try world.app.client.post("/v1/inspections/\(id)/void", json: ["reason": "again"], token: world.inspector).status == 409)
        #expect(try world.app.client.patch("/v1/inspections/\(id)", json: ["note": "x"], token: world.inspector).status == 409)
        #expect(try world.app.client.get("/v1/inspections/\(id)", token: world.inspector).status == 200)

        let draft = try world.create(world.body())
        let draftID = try #require(draft["id"]?.int64)
        let voidedDraft = try world.app.client.post("/v1/inspections/\(draftID)/void", json: ["reason": "重复录入"], token: world.admin)
        #expect(voidedDraft.json["status"]?.stringValue == "voided")
        #expect(try world.app.client.post("/v1/inspections/\(draftID)/finalize", json: [:], token: world.admin).status == 409)
    }

    @Test func onlyFinalizedUnvoidedInspectionsCount() throws {
        let world = try InspectionWorld()
        let draft = try world.create(world.body(on: "2020-06-01"))
        let counted = try world.create(world.body(on: "2020-06-02", scores: ["C3": 10]), finalize: true)
        let voided = try world.create(world.body(on: "2020-06-03"), finalize: true)
        let outside = try world.create(world.body(on: "2020-03-31"), finalize: true)
        let other = try world.create(world.body(institution: 2, on: "2020-04-01", kind: "semiannual"), finalize: true)
        let voidedID = try #require(voided["id"]?.int64)
        #expect(try world.app.client.post("/v1/inspections/\(voidedID)/void", json: ["reason": "作废"], token: world.inspector).status == 200)
        let from = try #require(CalendarDate(parsing: "2020-04-01"))
        let to = try #require(CalendarDate(parsing: "2020-06-30"))
        let found = try world.app.pool.read { try InspectionStore.countedInspections($0, from: from, to: to) }
        #expect(found.map(\.id) == [other["id"]?.int64, counted["id"]?.int64].compactMap { $0 })
        #expect(found.first?.kind == .semiannual)
        #expect(found.last?.total == Points(tenths: 950))
        #expect(!found.map(\.id).contains(draft["id"]?.int64 ?? -1))
        #expect(!found.map(\.id).contains(outside["id"]?.int64 ?? -1))
        let own = try world.app.pool.read { try InspectionStore.countedInspections($0, from: from, to: to, institutionID: 1) }
        #expect(own.map(\.id) == [counted["id"]?.int64].compactMap { $0 })
        let grouped = try world.app.pool.read { try InspectionStore.countedInspectionsByInstitution($0, from: from, to: to) }
        #expect(grouped.keys.sorted() == [1, 2])
    }

    @Test func roleRulesForInspections() throws {
        let world = try InspectionWorld()
        let client = world.app.client
        #expect(try client.post("/v1/inspections", json: world.body(), token: world.clerk).status == 403)
        #expect(try client.post("/v1/inspections", json: world.body(), token: world.viewer).status == 403)
        #expect(try client.get("/v1/inspections", token: world.viewer).status == 403)
        let ownDraft = try #require(try world.create(world.body())["id"]?.int64)
        let ownFinal = try #require(try world.create(world.body(), finalize: true)["id"]?.int64)
        let otherFinal = try #require(try world.create(world.body(institution: 2), finalize: true)["id"]?.int64)
        #expect(try client.get("/v1/inspections/\(ownFinal)", token: world.viewer).status == 403)
        #expect(try client.get("/v1/inspections/\(ownFinal)", token: world.clerk).status == 200)
        #expect(try client.get("/v1/inspections/\(ownDraft)", token: world.clerk).status == 404)
        #expect(try client.get("/v1/inspections/\(otherFinal)", token: world.clerk).status == 404)
        #expect(try client.patch("/v1/inspections/\(ownDraft)", json: ["note": "x"], token: world.clerk).status == 403)
        #expect(try client.post("/v1/inspections/\(ownDraft)/finalize", json: [:], token: world.clerk).status == 403)
        #expect(try client.post("/v1/inspections/\(ownFinal)/void", json: ["reason": "x"], token: world.clerk).status == 403)
        let clerkList = try client.get("/v1/inspections", token: world.clerk)
        #expect(clerkList.json["items"]?.arrayValue?.map { $0["id"]?.int64 } == [ownFinal])
        #expect(try client.get("/v1/inspections?institution_id=2", token: world.clerk).status == 404)
        #expect(try client.get("/v1/inspections", token: world.inspector).json["items"]?.arrayValue?.count == 3)
        #expect(try client.patch("/v1/inspections/\(ownDraft)", json: ["note": "x"], token: world.admin).status == 200)
    }

    @Test func listsFilterAndPage() throws {
        let world = try InspectionWorld()
        let client = world.app.client
        let a = try #require(try world.create(world.body(on: "2020-05-10", kind: "monthly"), finalize: true)["id"]?.int64)
        let b = try #require(try world.create(world.body(on: "2020-06-01", kind: "unannounced"))["id"]?.int64)
        let c = try #require(try world.create(world.body(institution: 2, on: "2020-06-05", kind: "monthly"), finalize: true)["id"]?.int64)
        func ids(_ query: String) throws -> [Int64] {
            try client.get("/v1/inspections\(query)", token: world.inspector).json["items"]?.arrayValue?.compactMap { $0["id"]?.int64 } ?? []
        }
        #expect(try ids("?kind=monthly") == [a, c])
        #expect(try ids("?status=draft") == [b])
        #expect(try ids("?institution_id=2") == [c])
        #expect(try ids("?from=2020-06-01&to=2020-06-04") == [b])
        let first = try client.get("/v1/inspections?limit=2", token: world.inspector)
        #expect(first.json["items"]?.arrayValue?.count == 2)
        let cursor = try #require(first.json["next_cursor"]?.stringValue)
        #expect(try ids("?limit=2&cursor=\(cursor)") == [c])
        #expect(try client.get("/v1/inspections?sort=date", token: world.inspector).status == 400)
        #expect(try client.get("/v1/inspections?status=archived", token: world.inspector).status == 400)
        #expect(try client.get("/v1/inspections?from=2020-13-01", token: world.inspector).status == 400)
    }

    @Test func anIdempotencyKeyCreatesOnce() throws {
        let world = try InspectionWorld()
        let headers = [("Idempotency-Key", "inspection-2020-06-10-JS-001")]
        let first = try world.app.client.post("/v1/inspections", json: world.body(), token: world.inspector, headers: headers)
        let again = try world.app.client.post("/v1/inspections", json: world.body(), token: world.inspector, headers: headers)
        #expect(first.status == 201)
        #expect(again.status == 201)
        #expect(again.json["id"] == first.json["id"])
        #expect(again.header("idempotent-replayed") == "true")
        let different = try world.app.client.post("/v1/inspections", json: world.body(kind: "spot"), token: world.inspector, headers: headers)
        #expect(different.status == 409)
        #expect(try world.app.pool.read { try $0.scalar("SELECT COUNT(*) FROM inspections", as: Int64.self) } == 1)
    }

    @Test func inspectionRoutesNameOnlySchemasThatAreDefined() throws {
        let world = try InspectionWorld()
        let defined = Dictionary(InspectionSchemas.all, uniquingKeysWith: { first, _ in first })
        let prefixes = ["/v1/rubrics", "/v1/inspections", "/v1/findings"]
        let routes = world.app.app.docs.filter { route in
            prefixes.contains { route.path.hasPrefix($0) } && route.tag != "attachments"  // evidence has its own schemas
        }
        #expect(routes.count == 15)
        for route in routes {
            for name in [route.body, route.response].compactMap({ $0 }) {
                #expect(defined[name] != nil, "\(route.method) \(route.path) names \(name)")
            }
        }
        let text = String(decoding: JSONValue.object(JSONObject(InspectionSchemas.all)).serialized(), as: UTF8.self)
        let references = text.components(separatedBy: "#/components/schemas/").dropFirst().map { $0.prefix { $0 != "\"" } }
        #expect(references.allSatisfy { defined[String($0)] != nil })
    }
}

