import JSON
import Testing
import WasteDomain

/// C3 and C6 are measured (docs/DECISIONS.md, "Measured rubric items"): prefilled on create, an
/// override needs a note, and the record keeps both scores.
@Suite struct MeasuredItemsTests {
    /// Institution 1 reported March 2020 on time, April late and May not at all.
    private func world() throws -> InspectionWorld {
        let world = try InspectionWorld()
        for (month, at) in [("2020-03", "2020-04-01T00:00:00Z"), ("2020-04", "2020-05-10T00:00:00Z")] {
            try world.app.sql("""
                INSERT INTO ledger_reports (institution_id, month, status, submitted_at, created_at, updated_at)
                VALUES (1, ?, 'submitted', ?, ?, ?)
                """, [month, at, at, at])
        }
        return world
    }

    /// Every item but the measured ones, at full marks, plus `extra` items.
    private func body(_ extra: [JSONValue] = [], sample: (Int, Int) = (20, 17)) -> JSONValue {
        let items = InspectionWorld.defaultItems.filter { !InspectionWorld.measuredCodes.contains($0.code) }.map { item -> JSONValue in
            ["code": .string(item.code), "score": InspectionWorld.number(item.max)]
        }
        return .object(JSONObject([
            ("institution_id", 1), ("inspected_on", "2020-06-10"), ("kind", "monthly"), ("items", .array(items + extra)),
            ("accuracy_sample", ["bins_checked": .number(JSONNumber(sample.0)), "bins_correct": .number(JSONNumber(sample.1))]),
        ]))
    }

    private func item(_ inspection: JSONValue, _ code: String) -> JSONValue? {
        inspection["items"]?.arrayValue?.first { $0["code"]?.stringValue == code }
    }

    @Test func theDefaultRubricNamesItsMeasuredItems() throws {
        let world = try InspectionWorld()
        let rubric = try world.app.client.get("/v1/rubrics/1", token: world.inspector).json
        let sources = rubric["items"]?.arrayValue?.filter { $0["source"] != .null }
            .map { "\($0["code"]?.stringValue ?? ""):\($0["source"]?.stringValue ?? "")" }
        #expect(sources == ["C3:accuracy_sample", "C6:ledger"])
    }

    @Test func measuredItemsArePrefilledFromTheSampleAndTheLedger() throws {
        let world = try world()
        let created = try world.app.client.post("/v1/inspections", json: body(), token: world.inspector)
        #expect(created.status == 201, "\(created.text)")
        // C3: 17 of 20 bins (85 %) → 15 × 85/90 = 14.2; C6: one of March, April, May on time → 5 × 1/3 = 1.7
        #expect(item(created.json, "C3")?["score"]?.numberValue?.text == "14.2")
        #expect(item(created.json, "C3")?["measured_score"]?.numberValue?.text == "14.2")
        #expect(item(created.json, "C3")?["source"] == "accuracy_sample")
        #expect(item(created.json, "C6")?["score"]?.numberValue?.text == "1.7")
        #expect(item(created.json, "C6")?["measured_score"]?.numberValue?.text == "1.7")
        #expect(item(created.json, "A1")?["measured_score"] == .null)
        #expect(created.json["total"]?.numberValue?.text == "95.9")
        // a better sample moves a prefilled C3 that was not overridden: 18 of 20 is the 90 % target
        let id = try #require(created.json["id"]?.numberValue?.int64)
        let patched = try world.app.client.patch("/v1/inspections/\(id)", json: ["accuracy_sample": ["bins_checked": 20, "bins_correct": 18]],
                                                 token: world.inspector)
        #expect(patched.status == 200, "\(patched.text)")
        #expect(item(patched.json, "C3")?["score"]?.numberValue?.text == "15")
        #expect(patched.json["total"]?.numberValue?.text == "96.7")
    }

    @Test func anOverrideNeedsANoteAndKeepsBothScores() throws {
        let world = try world()
        let bare = try world.app.client.post("/v1/inspections", json: body([["code": "C3", "score": 12]]), token: world.inspector)
        #expect(bare.status == 400)
        #expect(bare.errorFields == ["items[14].note"])
        #expect(bare.text.contains("14.2"))
        let noted = try world.app.client.post("/v1/inspections", json: body([["code": "C3", "score": 12, "note": "抽查时多处混投，酌情扣分"]]),
                                              token: world.inspector)
        #expect(noted.status == 201)
        #expect(item(noted.json, "C3")?["score"]?.numberValue?.text == "12")
        #expect(item(noted.json, "C3")?["measured_score"]?.numberValue?.text == "14.2")
        #expect(item(noted.json, "C3")?["note"] == "抽查时多处混投，酌情扣分")
        // the same score as measured needs no note
        #expect(try world.app.client.post("/v1/inspections", json: body([["code": "C6", "score": 1.7]]), token: world.inspector).status == 201)
    }
}
