import JSON
import Testing
import WasteDomain

@Suite struct LedgerStatsTests {
    typealias F = LedgerFixture

    /// Alpha (50 staff) and beta (30 staff) in October 2026 (22 working days).
    private func fixture(publicRead: Bool = false) throws -> LedgerFixture {
        let f = try LedgerFixture(publicRead: publicRead)
        try f.post(f.alpha, F.batch([
            F.entry("2026-10-05", "recyclable", "300", [("disposal", "recycled")]),
            F.entry("2026-10-06", "food", "200", [("disposal", "composted")]),
            F.entry("2026-10-06", "food", "190", stage: "treated", [("disposal", "composted")]),  // same waste, later stage
            F.entry("2026-10-07", "food", "100", [("disposal", "incinerated")]),
            F.entry("2026-10-08", "residual", "390", [("disposal", "incinerated")]),
            F.entry("2026-10-09", "hazardous", "10", [("disposal", "hazardous_treatment")]),
        ]))
        try f.post(f.beta, F.batch([
            F.entry("2026-10-05", "residual", "440", stage: "treated", [("disposal", "landfilled")]),
            F.entry("2026-11-02", "food", "60", [("disposal", "composted")]),
        ]))
        return f
    }

    private func stats(_ f: LedgerFixture, _ query: String, token: String? = nil) throws -> HTTPTestClient.Response {
        try f.client.get("/v1/stats/ledger" + query, token: token)
    }

    @Test func totalsRatesAndPerStaffFiguresByCategory() throws {
        let f = try fixture()
        let response = try stats(f, "?period=2026-10", token: f.viewer)
        #expect(response.status == 200)
        let body = response.json
        #expect(body.numberText("total_kg") == "1440")
        #expect(body["entry_count"]?.numberValue?.int64 == 6)
        #expect(body["totals"]?.numberText("food") == "300")
        #expect(body.numberText("recovered_kg") == "500")
        #expect(body.numberText("recovery_rate") == "0.3472")       // 500 / 1440
        #expect(body.numberText("hazardous_handled_kg") == "10")
        #expect(body["headcount"]?.numberValue?.int64 == 80)
        // October 2026: 22 weekdays less the National Day holidays on 1, 2, 5, 6 and 7 October, plus
        // Saturday 10 October worked (the State Council's 2026 schedule shipped in the settings)
        #expect(body["working_days"]?.numberValue?.int64 == 18)
        #expect(body.numberText("kg_per_staff_per_working_day") == "1")  // 1440 / 80 / 18
        let groups = body["groups"]?.arrayValue ?? []
        #expect(groups.map { $0["category"] } == ["recyclable", "hazardous", "food", "residual"])
        #expect(groups.map { $0.numberText("total_kg") } == ["300", "10", "300", "830"])
        #expect(body["stage_rule"]?.stringValue?.contains("earliest") == true)
    }

    @Test func groupedByInstitutionAndByMonth() throws {
        let f = try fixture()
        let byInstitution = try stats(f, "?period=2026-Q4&group_by=institution", token: f.inspector).json
        let institutions = byInstitution["groups"]?.arrayValue ?? []
        #expect(institutions.map { $0["institution"]?["code"] } == ["A001", "B002"])
        #expect(institutions.map { $0.numberText("total_kg") } == ["1000", "500"])
        #expect(institutions.map { $0["headcount"]?.numberValue?.int64 } == [50, 30])
        #expect(institutions.last?.numberText("recovery_rate") == "0.12")  // 60 / 500
        // Q4 up to Friday 20 November: 18 October (after 国庆) + 15 November working days.
        #expect(byInstitution["working_days"]?.numberValue?.int64 == 33)

        let byMonth = try stats(f, "?period=2026-Q4&group_by=month", token: f.admin).json
        let months = byMonth["groups"]?.arrayValue ?? []
        #expect(months.map { $0["month"] } == ["2026-10", "2026-11", "2026-12"])
        #expect(months.map { $0.numberText("total_kg") } == ["1440", "60", "0"])
        #expect(months.map { $0["working_days"]?.numberValue?.int64 } == [18, 15, 0])
        #expect(months[1]["headcount"]?.numberValue?.int64 == 30)  // only beta recorded weight in November
        #expect(months[2]["recovery_rate"] == .null)
        #expect(months[2]["kg_per_staff_per_working_day"] == .null)
    }

    @Test func manySmallWeightsSumExactly() throws {
        let f = try LedgerFixture()
        try f.post(f.alpha, F.batch(Array(repeating: F.entry("2026-11-02", "recyclable", "0.001"), count: 1000)))
        try f.post(f.alpha, F.batch([F.entry("2026-11-02", "residual", "0.1"), F.entry("2026-11-02", "residual", "0.2")]))
        let body = try stats(f, "?period=2026-11", token: f.admin).json
        #expect(body.numberText("total_kg") == "1.3")
        #expect(body["totals"]?.numberText("recyclable") == "1")
        #expect(body["totals"]?.numberText("residual") == "0.3")
    }

    @Test func aClerkSeesOnlyItsOwnInstitution() throws {
        let f = try fixture()
        let own = try stats(f, "?period=2026-Q4&group_by=institution", token: f.clerkB).json
        #expect(own["institution_id"]?.numberValue?.int64 == 2)
        #expect(own.numberText("total_kg") == "500")
        #expect(own["groups"]?.arrayValue?.count == 1)
        #expect(try stats(f, "?period=2026&institution_id=1", token: f.clerkB).status == 404)
        #expect(try stats(f, "?period=2026&institution_id=1", token: f.admin).json.numberText("total_kg") == "1000")
        #expect(try stats(f, "?period=2026&institution_id=77", token: f.admin).status == 404)
    }

    @Test func theQueryIsValidated() throws {
        let f = try fixture()
        for bad in ["2026-Q5", "2026-6", "26", "2026-H3"] {
            #expect(try stats(f, "?period=\(bad)", token: f.admin).errorFields == ["period"], "\(bad)")
        }
        #expect(try stats(f, "", token: f.admin).errorFields == ["period"])
        #expect(try stats(f, "?period=2026&group_by=stage", token: f.admin).errorFields == ["group_by"])
        #expect(try stats(f, "?period=2026&institution_id=x", token: f.admin).errorFields == ["institution_id"])
        #expect(try stats(f, "?period=2026&colour=red", token: f.admin).status == 400)
    }

    @Test func anonymousReadsNeedPublicRead() throws {
        #expect(try stats(try fixture(), "?period=2026").status == 401)
        let open = try fixture(publicRead: true)
        let response = try stats(open, "?period=2026")
        #expect(response.status == 200)
        #expect(response.json.numberText("total_kg") == "1500")
    }
}
