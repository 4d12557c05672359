import Foundation
import JSON
import Testing

@Suite struct InstitutionCRUDTests {
    @Test func createdInstitutionIsReturnedWithLocationAndETagAndAnswers304WhenUnchanged() throws {
        let app = try TestApp()
        let body = TestApp.institutionBody(code: "JS-001", name: "尖山区教育局", [
            ("kind", "事业单位"), ("address", "尖山区新兴大街12号"), ("headcount", 85), ("floors", 5), ("has_canteen", true),
            ("building_area_m2", 3250.5), ("contact_phone", "+86 (469) 123-4567"), ("plan_submitted_on", "2020-02-29"),
        ])
        let created = try app.client.post("/v1/institutions", json: body, token: app.adminToken)
        #expect(created.status == 201)
        let id = try #require(created.json["id"]?.numberValue?.int64)
        #expect(created.header("location") == "/v1/institutions/\(id)")
        #expect(created.header("etag") == "\"v1\"")
        #expect(created.json["kind"]?.stringValue == "public_institution")
        #expect(created.json["building_area_m2"]?.numberValue?.text == "3250.5")
        #expect(created.json["parent_department"] == .null)
        #expect(created.json["status"]?.stringValue == "active")
        #expect(created.json["version"]?.numberValue?.int64 == 1)
        #expect(try app.rows("SELECT building_area_centi_m2 FROM institutions WHERE id = ?", [id]).first?["building_area_centi_m2"] == "325050")

        let fetched = try app.client.get("/v1/institutions/\(id)", token: app.adminToken)
        #expect(fetched.status == 200)
        #expect(fetched.json == created.json)
        let etag = try #require(fetched.header("etag"))
        let again = try app.client.get("/v1/institutions/\(id)", token: app.adminToken, headers: [("If-None-Match", etag)])
        #expect(again.status == 304)
        #expect(again.body.isEmpty)
        #expect(try app.client.get("/v1/institutions/999", token: app.adminToken).status == 404)
        #expect(try app.client.get("/v1/institutions/abc", token: app.adminToken).status == 404)
    }

    @Test func patchWithCurrentIfMatchChangesAndBumpsVersionButAStaleOneIs412() throws {
        let app = try TestApp()
        let id = try app.createInstitution(code: "A1", name: "机关事务服务中心", [("address", "旧地址")])
        app.clock.advance(seconds: 60)
        let changed = try app.client.patch("/v1/institutions/\(id)", json: ["headcount": 40, "address": .null],
                                           token: app.adminToken, headers: [("If-Match", "\"v1\"")])
        #expect(changed.status == 200)
        #expect(changed.json["headcount"]?.numberValue?.int64 == 40)
        #expect(changed.json["address"] == .null)
        #expect(changed.json["version"]?.numberValue?.int64 == 2)
        #expect(changed.header("etag") == "\"v2\"")
        #expect(changed.json["updated_at"] != changed.json["created_at"])

        let stale = try app.client.patch("/v1/institutions/\(id)", json: ["headcount": 41],
                                         token: app.adminToken, headers: [("If-Match", "\"v1\"")])
        #expect(stale.status == 412)
        #expect(try app.rows("SELECT headcount FROM institutions WHERE id = ?", [id]).first?["headcount"] == "40")

        let nullRequired = try app.client.patch("/v1/institutions/\(id)", json: ["name": .null, "floors": .null], token: app.adminToken)
        #expect(nullRequired.status == 400)
        #expect(Set(nullRequired.errorFields) == ["name", "floors"])
    }

    @Test func everyBadFieldIsReportedAtOnce() throws {
        let app = try TestApp()
        let body: JSONValue = [
            "code": "bad code!", "name": "", "kind": "ministry", "headcount": -1, "floors": 2.5, "has_canteen": "yes",
            "building_area_m2": 10.123, "contact_phone": "call me", "working_body_established_on": "2021-02-30",
            "plan_submitted_on": "2021/01/01", "status": "closed", "address": .string(String(repeating: "路", count: 201)),
        ]
        let response = try app.client.post("/v1/institutions", json: body, token: app.adminToken)
        #expect(response.status == 400)
        #expect(response.header("content-type")?.hasPrefix("application/problem+json") == true)
        #expect(Set(response.errorFields) == [
            "code", "name", "kind", "headcount", "floors", "has_canteen", "building_area_m2", "contact_phone",
            "working_body_established_on", "plan_submitted_on", "status", "address",
        ])
        let missing = try app.client.post("/v1/institutions", json: [:], token: app.adminToken)
        #expect(Set(missing.errorFields) == ["code", "name", "kind"])
        #expect(try app.rows("SELECT id FROM institutions").isEmpty)
    }

    @Test func unknownFieldsAreRefusedOnCreateAndPatch() throws {
        let app = try TestApp()
        let typo = try app.client.post("/v1/institutions", json: TestApp.institutionBody(code: "A1", name: "甲", [("head_count", 3)]),
                                       token: app.adminToken)
        #expect(typo.status == 400)
        #expect(typo.errorFields == ["head_count"])
        let id = try app.createInstitution(code: "A1", name: "甲")
        let patch = try app.client.patch("/v1/institutions/\(id)", json: ["flors": 3], token: app.adminToken)
        #expect(patch.status == 400)
        #expect(patch.json["errors"]?[0]?["code"]?.stringValue == "unknown_field")
    }

    @Test func duplicateCodeOrNameIs409NamingTheField() throws {
        let app = try TestApp()
        let first = try app.createInstitution(code: "A1", name: "尖山区财政局")
        let second = try app.createInstitution(code: "A2", name: "尖山区民政局")
        let sameCode = try app.client.post("/v1/institutions", json: TestApp.institutionBody(code: "A1", name: "新单位"), token: app.adminToken)
        #expect(sameCode.status == 409)
        #expect(sameCode.json["field"]?.stringValue == "code")
        let sameName = try app.client.post("/v1/institutions", json: TestApp.institutionBody(code: "A3", name: "尖山区财政局"), token: app.adminToken)
        #expect(sameName.status == 409)
        #expect(sameName.json["field"]?.stringValue == "name")
        let renamed = try app.client.patch("/v1/institutions/\(second)", json: ["name": "尖山区财政局"], token: app.adminToken)
        #expect(renamed.status == 409)
        #expect(renamed.json["field"]?.stringValue == "name")
        // keeping one's own name is no conflict
        #expect(try app.client.patch("/v1/institutions/\(first)", json: ["name": "尖山区财政局", "floors": 3], token: app.adminToken).status == 200)
    }

    @Test func deleteArchivesKeepsTheRowAndHistoryAndIsIdempotent() throws {
        let app = try TestApp()
        let id = try app.createInstitution(code: "A1", name: "甲单位")
        #expect(try app.client.delete("/v1/institutions/\(id)", token: app.adminToken, headers: [("If-Match", "\"v9\"")]).status == 412)
        #expect(try app.client.delete("/v1/institutions/\(id)", token: app.adminToken, headers: [("If-Match", "\"v1\"")]).status == 204)
        #expect(try app.client.delete("/v1/institutions/\(id)", token: app.adminToken).status == 204)
        let stored = try app.client.get("/v1/institutions/\(id)", token: app.adminToken)
        #expect(stored.json["status"]?.stringValue == "archived")
        #expect(stored.json["version"]?.numberValue?.int64 == 2)

        let audit = try app.rows("SELECT action, before, after FROM audit_events WHERE entity = 'institution' AND entity_id = ? ORDER BY id", [id])
        #expect(audit.map { $0["action"] } == ["create", "archive"])
        let before = try JSONValue.parse(Array((audit[1]["before"] ?? "").utf8))
        let after = try JSONValue.parse(Array((audit[1]["after"] ?? "").utf8))
        #expect(before["status"]?.stringValue == "active")
        #expect(after["status"]?.stringValue == "archived")
        #expect(try app.client.delete("/v1/institutions/999", token: app.adminToken).status == 404)
    }

    @Test func patchIsAuditedWithBeforeAndAfter() throws {
        let app = try TestApp()
        let id = try app.createInstitution(code: "A1", name: "甲单位")
        _ = try app.client.patch("/v1/institutions/\(id)", json: ["headcount": 12], token: app.adminToken)
        let audit = try app.rows("SELECT action, actor_username, before, after FROM audit_events WHERE entity = 'institution' ORDER BY id")
        #expect(audit.map { $0["action"] } == ["create", "update"])
        #expect(audit[1]["actor_username"] == "admin")
        #expect(try JSONValue.parse(Array((audit[1]["before"] ?? "").utf8))["headcount"]?.numberValue?.int64 == 0)
        #expect(try JSONValue.parse(Array((audit[1]["after"] ?? "").utf8))["headcount"]?.numberValue?.int64 == 12)
    }

    @Test func retriedCreateWithTheSameKeyReplaysAndAnotherBodyIs409() throws {
        let app = try TestApp()
        let body = TestApp.institutionBody(code: "A1", name: "甲单位")
        let key = [("Idempotency-Key", "create-a1-7f3c")]
        let first = try app.client.post("/v1/institutions", json: body, token: app.adminToken, headers: key)
        let retry = try app.client.post("/v1/institutions", json: body, token: app.adminToken, headers: key)
        #expect(first.status == 201)
        #expect(retry.status == 201)
        #expect(retry.body == first.body)
        #expect(retry.header("location") == first.header("location"))
        #expect(try app.rows("SELECT id FROM institutions").count == 1)
        let other = try app.client.post("/v1/institutions", json: TestApp.institutionBody(code: "A2", name: "乙单位"),
                                        token: app.adminToken, headers: key)
        #expect(other.status == 409)
        #expect(try app.rows("SELECT id FROM institutions").count == 1)
    }
}
