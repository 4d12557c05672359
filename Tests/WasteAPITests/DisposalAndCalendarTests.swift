import JSON
import Testing
import WasteDomain

/// `disposal_rules` on every entry path and the working-day `calendar` in the settings (docs/DECISIONS.md).
@Suite struct DisposalAndCalendarTests {
    typealias F = LedgerFixture
    private static let composted: [(String, JSONValue)] = [("disposal", "composted")]

    @Test func hazardousWasteCompostedIsRefusedOnEveryEntryPath() throws {
        let f = try LedgerFixture()
        // single
        let single = try f.post(f.alpha, F.entry("2026-10-02", "hazardous", "0.5", Self.composted), token: f.clerkA)
        #expect(single.status == 400)
        #expect(single.errorFields == ["disposal"])
        #expect(single.text.contains("hazardous_treatment"))
        // batch: the bad entry is named, nothing is stored
        let batch = try f.post(f.alpha, F.batch([F.entry("2026-10-02", "food", "1", Self.composted),
                                                 F.entry("2026-10-03", "有害垃圾", "0.2", Self.composted)]), token: f.clerkA)
        #expect(batch.status == 400)
        #expect(batch.errorFields == ["entries[1].disposal"])
        // CSV import
        let csv = "occurred_on,category,weight_kg,stage,disposal\r\n2026-10-04,food,2,collected,composted\r\n"
            + "2026-10-04,hazardous,0.1,collected,incinerated\r\n"
        let imported = try f.client.request("POST", f.entriesPath(f.alpha) + "/import", token: f.clerkA, body: Array(csv.utf8),
                                            contentType: "text/csv; charset=utf-8")
        #expect(imported.status == 400)
        #expect(imported.errorFields.count == 1)
        #expect(imported.errorFields.first?.hasSuffix("disposal") == true)
        #expect(try f.count("SELECT COUNT(*) FROM ledger_entries") == 0)
        // PATCH: a plausible entry cannot be turned implausible, by its disposal or by its category
        let created = try f.post(f.alpha, F.entry("2026-10-05", "food", "3", Self.composted), token: f.clerkA)
        #expect(created.status == 201)
        let path = try #require(created.header("location"))
        #expect(try f.client.patch(path, json: ["category": "hazardous"], token: f.clerkA).errorFields == ["disposal"])
        let hazardous = try f.post(f.alpha, F.entry("2026-10-05", "hazardous", "0.3", [("disposal", "hazardous_treatment")]),
                                   token: f.clerkA)
        let hazardousPath = try #require(hazardous.header("location"))
        #expect(try f.client.patch(hazardousPath, json: ["disposal": "landfilled"], token: f.clerkA).errorFields == ["disposal"])
        #expect(try f.client.patch(hazardousPath, json: ["disposal": "other"], token: f.clerkA).status == 200)
    }

    @Test func theDistrictEditsItsDisposalRulesAndTheOthersKeepTheirDefaults() throws {
        let f = try LedgerFixture()
        let settings = try f.client.get("/v1/settings", token: f.admin).json
        #expect(settings["disposal_rules"]?["hazardous"] == ["hazardous_treatment", "other"])
        #expect(settings["disposal_rules"]?["residual"] == ["incinerated", "landfilled", "other"])
        let put = try f.client.put("/v1/settings", json: ["disposal_rules": ["residual": ["landfilled", "composted"]]], token: f.admin)
        #expect(put.status == 200)
        #expect(put.json["disposal_rules"]?["residual"] == ["composted", "landfilled"])
        #expect(put.json["disposal_rules"]?["hazardous"] == ["hazardous_treatment", "other"])
        #expect(try f.post(f.alpha, F.entry("2026-10-02", "residual", "1", Self.composted), token: f.clerkA).status == 201)
        #expect(try f.post(f.alpha, F.entry("2026-10-02", "residual", "1", [("disposal", "incinerated")]), token: f.clerkA)
            .errorFields == ["disposal"])
        let rules: JSONValue = ["glass": ["recycled"], "food": .array([]), "hazardous": ["burnt"]]
        let bad = try f.client.put("/v1/settings", json: ["disposal_rules": rules], token: f.admin)
        #expect(bad.status == 400)
        let expected: Set<String> = ["disposal_rules.glass", "disposal_rules.food", "disposal_rules.hazardous[0]"]
        #expect(Set(bad.errorFields) == expected)
    }

    @Test func anEditedCalendarYearChangesWorkingDaysAndShippedYearsStay() throws {
        let f = try LedgerFixture()
        let settings = try f.client.get("/v1/settings", token: f.admin).json
        #expect(settings["calendar"]?["2026"]?["working_weekends"]?.arrayValue?.first == "2026-01-04")
        let holidays2025 = 1 + 8 + 3 + 5 + 3 + 8  // 元旦, 春节, 清明, 劳动节, 端午, 国庆中秋
        #expect(settings["calendar"]?["2025"]?["holidays"]?.arrayValue?.count == holidays2025)
        // the office enters an extra local holiday on Monday 16 November 2026
        var year = settings["calendar"]?["2026"]?.objectValue ?? JSONObject()
        let holidays = (year["holidays"]?.arrayValue ?? []) + ["2026-11-16"]
        year.set("holidays", .array(holidays))
        let put = try f.client.put("/v1/settings", json: ["calendar": ["2026": .object(year)]], token: f.admin)
        #expect(put.status == 200)
        #expect(put.json["calendar"]?["2025"] != nil)
        let november = try f.client.get("/v1/stats/ledger?period=2026-11", token: f.admin).json
        #expect(november["working_days"]?.numberValue?.int64 == 14)  // 15 weekdays to Friday the 20th, less the 16th
        let wrongYear: JSONValue = ["holidays": ["2026-12-31"], "working_weekends": ["2027-10-11"]]
        let shortKey: JSONValue = ["holidays": .array([])]
        let bad = try f.client.put("/v1/settings", json: ["calendar": ["2027": wrongYear, "27": shortKey]], token: f.admin)
        #expect(bad.status == 400)
        let expected: Set<String> = ["calendar.2027.holidays[0]", "calendar.2027.working_weekends[0]", "calendar.27"]
        #expect(Set(bad.errorFields) == expected)
    }
}
