import JSON
import Testing
import WasteDomain

@Suite struct LedgerEntryTests {
    typealias F = LedgerFixture

    @Test func aSingleEntryIsCreatedWithLocationETagAndTheCategoryCode() throws {
        let f = try LedgerFixture()
        let response = try f.post(f.alpha, F.entry("2026-11-02", "湿垃圾", "12.345", [
            ("subcategory", "restaurant_food"), ("hauler", "尖山环卫"), ("disposal", "composted"), ("weighed", false),
        ]), token: f.clerkA)
        #expect(response.status == 201)
        let body = response.json
        #expect(body["category"] == "food")
        #expect(body.numberText("weight_kg") == "12.345")
        #expect(body["weighed"] == .bool(false))
        #expect(body["version"]?.numberValue?.int64 == 1)
        let location = try #require(response.header("location"))
        let fetched = try f.client.get(location, token: f.clerkA)
        #expect(fetched.status == 200)
        #expect(fetched.json == body)
        #expect(fetched.header("etag") == response.header("etag"))
        #expect(try f.client.get(location, token: f.clerkA, headers: [("If-None-Match", "\"v1\"")]).status == 304)
        #expect(try f.count("SELECT weight_g FROM ledger_entries") == 12_345)
        #expect(try f.count("SELECT COUNT(*) FROM audit_events WHERE entity = 'ledger_entry' AND action = 'create'") == 1)
    }

    @Test func aBatchOfAThousandWithOneBadEntryStoresNothingAndNamesIt() throws {
        let f = try LedgerFixture()
        var entries = (0..<1000).map { F.entry("2026-11-\(String(format: "%02d", $0 % 19 + 1))", "residual", "1.5") }
        entries[17] = F.entry("2026-11-03", "residual", "1.2345")
        entries[998] = F.entry("2026-11-03", "plastic", "2", stage: "burned")
        let refused = try f.post(f.alpha, F.batch(entries), token: f.clerkA)
        #expect(refused.status == 400)
        #expect(Set(refused.errorFields) == ["entries[17].weight_kg", "entries[998].category", "entries[998].stage"])
        #expect(try f.count("SELECT COUNT(*) FROM ledger_entries") == 0)
        #expect(try f.count("SELECT COUNT(*) FROM audit_events WHERE entity = 'ledger_entry'") == 0)

        entries[17] = F.entry("2026-11-03", "residual", "1.234")
        entries[998] = F.entry("2026-11-03", "其他垃圾", "2")
        let stored = try f.post(f.alpha, F.batch(entries), token: f.clerkA)
        #expect(stored.status == 201)
        #expect(stored.json["count"]?.numberValue?.int64 == 1000)
        #expect(stored.json["items"]?[998]?["category"] == "residual")
        #expect(try f.count("SELECT COUNT(*) FROM ledger_entries") == 1000)
        #expect(try f.count("SELECT SUM(weight_g) FROM ledger_entries") == 998 * 1500 + 1234 + 2000)
        // One audit event for the whole batch, listing every stored entry (LedgerBatchAuditTests).
        #expect(try f.count("SELECT COUNT(*) FROM audit_events WHERE entity = 'ledger_entry' AND action = 'create'") == 1)
        #expect(try f.count("SELECT json_array_length(after, '$.entries') FROM audit_events WHERE entity = 'ledger_entry'") == 1000)
    }

    @Test func batchesAreBoundedAndMustNotBeEmpty() throws {
        let f = try LedgerFixture()
        let tooMany = try f.post(f.alpha, F.batch(Array(repeating: F.entry("2026-11-02", "food", "1"), count: 1001)))
        #expect(tooMany.status == 400)
        #expect(tooMany.errorFields == ["entries"])
        #expect(try f.post(f.alpha, F.batch([])).errorFields == ["entries"])
        #expect(try f.post(f.alpha, ["entries": [], "extra": 1]).status == 400)
        #expect(try f.post(f.alpha, [F.entry("2026-11-02", "food", "1")]).status == 400)
    }

    /// Every Chinese name and alias of SPEC §3 maps to its code; output always uses codes.
    @Test func chineseNamesAndAliasesMapToCodes() throws {
        let f = try LedgerFixture()
        let table: [(String, String)] = [
            ("可回收物", "recyclable"), ("可回收垃圾", "recyclable"), ("recyclable", "recyclable"),
            ("有害垃圾", "hazardous"), ("有毒有害垃圾", "hazardous"), ("hazardous", "hazardous"),
            ("厨余垃圾", "food"), ("湿垃圾", "food"), ("易腐垃圾", "food"), ("餐厨垃圾", "food"), ("厨余", "food"),
            ("可堆肥垃圾", "food"), ("food", "food"), ("Food Waste", "food"),
            ("其他垃圾", "residual"), ("干垃圾", "residual"), ("其它垃圾", "residual"), ("不可回收垃圾", "residual"),
            ("可燃垃圾", "residual"), ("residual", "residual"), (" 湿垃圾 ", "food"),
        ]
        let response = try f.post(f.alpha, F.batch(table.map { F.entry("2026-11-02", $0.0, "1") }))
        #expect(response.status == 201)
        let codes = response.json["items"]?.arrayValue?.compactMap { $0["category"]?.stringValue }
        #expect(codes == table.map(\.1))
        let unknown = try f.post(f.alpha, F.entry("2026-11-02", "垃圾", "1"))
        #expect(unknown.errorFields == ["category"])
    }

    @Test func aCategoryNotInForceIsRefusedNamingIt() throws {
        let f = try LedgerFixture()
        let put = try f.client.put("/v1/settings", json: ["categories_in_force": ["recyclable", "hazardous", "residual"]],
                                   token: f.admin)
        #expect(put.status == 200)
        let refused = try f.post(f.alpha, F.entry("2026-11-02", "湿垃圾", "3"), token: f.clerkA)
        #expect(refused.status == 400)
        let error = refused.json["errors"]?[0]
        #expect(error?["field"] == "category")
        #expect(error?["code"] == "not_in_force")
        #expect(error?["message"]?.stringValue?.contains("food (厨余垃圾) is not in force") == true)
        #expect(try f.post(f.alpha, F.entry("2026-11-02", "干垃圾", "3"), token: f.clerkA).status == 201)
    }

    @Test func everyBadFieldIsReportedAtOnce() throws {
        let f = try LedgerFixture()
        let response = try f.post(f.alpha, .object(JSONObject([
            ("occurred_on", "2026-11-21"), ("category", "recyclable"), ("subcategory", "battery"),
            ("weight_kg", .number(JSONNumber("100000.001")!)), ("stage", "collected"), ("disposal", "buried"),
            ("note", .string(String(repeating: "很", count: 1001))), ("colour", "blue"),
        ])))
        #expect(response.status == 400)
        #expect(Set(response.errorFields) == ["occurred_on", "weight_kg", "disposal", "note", "colour"])
        let second = try f.post(f.alpha, .object(JSONObject([
            ("occurred_on", "2026-11-20"), ("category", "residual"), ("subcategory", "paper"), ("weight_kg", 0),
            ("stage", "collected"),
        ])))
        #expect(Set(second.errorFields) == ["weight_kg"])
        let third = try f.post(f.alpha, F.entry("2026-11-20", "residual", "1", [("subcategory", "paper")]))
        #expect(third.errorFields == ["subcategory"])
        let missing = try f.post(f.alpha, ["hauler": "x"])
        #expect(Set(missing.errorFields) == ["occurred_on", "category", "weight_kg", "stage"])
    }

    @Test func listFiltersByDateCategoryAndStageAndPages() throws {
        let f = try LedgerFixture()
        try f.post(f.alpha, F.batch([
            F.entry("2026-10-01", "food", "1"), F.entry("2026-10-15", "厨余", "2", stage: "treated"),
            F.entry("2026-10-31", "residual", "3"), F.entry("2026-11-01", "food", "4"),
        ]))
        func weights(_ query: String) throws -> [String] {
            let response = try f.client.get(f.entriesPath(f.alpha) + query, token: f.clerkA)
            return response.json["items"]?.arrayValue?.compactMap { $0.numberText("weight_kg") } ?? []
        }
        #expect(try weights("?from=2026-10-15&to=2026-10-31") == ["2", "3"])
        #expect(try weights("?category=%E6%B9%BF%E5%9E%83%E5%9C%BE") == ["1", "2", "4"])  // 湿垃圾
        #expect(try weights("?category=food&stage=collected") == ["1", "4"])
        let first = try f.client.get(f.entriesPath(f.alpha) + "?limit=3", token: f.clerkA)
        let cursor = try #require(first.json["next_cursor"]?.stringValue)
        #expect(try weights("?limit=3&cursor=\(cursor)") == ["4"])
        #expect(try f.client.get(f.entriesPath(f.alpha) + "?from=2026-13-01", token: f.clerkA).errorFields == ["from"])
        #expect(try f.client.get(f.entriesPath(f.alpha) + "?stage=burned", token: f.clerkA).errorFields == ["stage"])
        #expect(try f.client.get(f.entriesPath(f.alpha) + "?weight=1", token: f.clerkA).status == 400)
    }

    @Test func aRetriedBatchWithTheSameIdempotencyKeyStoresOnce() throws {
        let f = try LedgerFixture()
        let body = F.batch([F.entry("2026-11-02", "food", "0.5"), F.entry("2026-11-02", "residual", "0.25")])
        let first = try f.post(f.alpha, body, token: f.clerkA, headers: [("Idempotency-Key", "2026-11-run-1")])
        let retry = try f.post(f.alpha, body, token: f.clerkA, headers: [("Idempotency-Key", "2026-11-run-1")])
        #expect(first.status == 201)
        #expect(retry.status == 201)
        #expect(retry.body == first.body)
        #expect(retry.header("idempotent-replayed") == "true")
        #expect(try f.count("SELECT COUNT(*) FROM ledger_entries") == 2)
        let other = try f.post(f.alpha, F.batch([F.entry("2026-11-02", "food", "9")]), token: f.clerkA,
                               headers: [("Idempotency-Key", "2026-11-run-1")])
        #expect(other.status == 409)
        #expect(try f.count("SELECT COUNT(*) FROM ledger_entries") == 2)
    }

    @Test func patchAndDeleteHonourIfMatchAndBumpTheVersion() throws {
        let f = try LedgerFixture()
        let created = try f.post(f.alpha, F.entry("2026-11-02", "recyclable", "4", [("subcategory", "paper"), ("note", "a")]),
                                 token: f.clerkA)
        let path = try #require(created.header("location"))
        let stale = try f.client.patch(path, json: ["weight_kg": 5], token: f.clerkA, headers: [("If-Match", "\"v9\"")])
        #expect(stale.status == 412)
        let patched = try f.client.patch(path, json: ["weight_kg": .number(JSONNumber("4.1")!), "note": nil, "category": "可回收物"],
                                         token: f.clerkA, headers: [("If-Match", "\"v1\"")])
        #expect(patched.status == 200)
        #expect(patched.json.numberText("weight_kg") == "4.1")
        #expect(patched.json["note"] == .null)
        #expect(patched.json["subcategory"] == "paper")
        #expect(patched.json["version"]?.numberValue?.int64 == 2)
        #expect(try f.client.patch(path, json: ["category": "food"], token: f.clerkA).errorFields == ["subcategory"])
        #expect(try f.client.patch(path, json: ["stage": nil], token: f.clerkA).errorFields == ["stage"])
        #expect(try f.client.delete(path, token: f.clerkA, headers: [("If-Match", "\"v1\"")]).status == 412)
        #expect(try f.client.delete(path, token: f.clerkA, headers: [("If-Match", "\"v2\"")]).status == 204)
        #expect(try f.client.get(path, token: f.clerkA).status == 404)
        #expect(try f.count("SELECT COUNT(*) FROM audit_events WHERE entity = 'ledger_entry'") == 3)
    }

    @Test func clerksSeeOnlyTheirOwnInstitutionAndOtherRolesAreChecked() throws {
        let f = try LedgerFixture()
        let entry = try f.post(f.beta, F.entry("2026-11-02", "food", "1"), token: f.clerkB)
        let path = try #require(entry.header("location"))
        #expect(try f.client.get(f.entriesPath(f.beta), token: f.clerkA).status == 404)
        #expect(try f.post(f.beta, F.entry("2026-11-02", "food", "1"), token: f.clerkA).status == 404)
        #expect(try f.client.get(path, token: f.clerkA).status == 404)
        #expect(try f.client.patch(path, json: ["weight_kg": 2], token: f.clerkA).status == 404)
        #expect(try f.client.delete(path, token: f.clerkA).status == 404)
        #expect(try f.client.get(f.entriesPath(f.beta) + "?format=csv", token: f.clerkA).status == 404)
        // Inspectors read everything but write nothing; viewers see no entries.
        #expect(try f.client.get(path, token: f.inspector).status == 200)
        #expect(try f.post(f.beta, F.entry("2026-11-02", "food", "1"), token: f.inspector).status == 403)
        #expect(try f.client.delete(path, token: f.inspector).status == 403)
        #expect(try f.client.get(f.entriesPath(f.beta), token: f.viewer).status == 403)
        #expect(try f.client.get(f.entriesPath(f.beta)).status == 401)
        #expect(try f.client.get(f.entriesPath(99), token: f.admin).status == 404)
        #expect(try f.post(99, F.entry("2026-11-02", "food", "1")).status == 404)
    }

    @Test func anArchivedInstitutionsLedgerCannotChange() throws {
        let f = try LedgerFixture()
        try f.addInstitution(3, code: "C003", name: "撤并单位", headcount: 5, status: "archived")
        let refused = try f.post(3, F.entry("2026-11-02", "food", "1"))
        #expect(refused.status == 409)
        #expect(refused.json["detail"]?.stringValue?.contains("archived") == true)
    }
}
