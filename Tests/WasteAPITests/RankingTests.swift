import Foundation
import JSON
import Testing
import WasteDomain
@testable import WasteAPI

/// Rankings end to end: inputs stored in SQLite, the ranking read over HTTP.
@Suite struct RankingTests {
    /// A district on 2026-07-15 with four institutions and a finished first half-year.
    private func district() throws -> TestApp {
        let app = try TestApp()
        app.clock.set(Timestamp(parsing: "2026-07-15T02:00:00Z")!)
        let now = "2026-07-15T02:00:00Z"
        for (id, code, name) in [(1, "A-01", "尖山区人民政府办公室"), (2, "A-02", "尖山区财政局"), (3, "A-03", "尖山区教育局"),
                                 (4, "A-04", "尖山区卫生健康局")] {
            try app.sql("""
                INSERT INTO institutions (id, code, name, kind, headcount, floors, created_at, updated_at)
                VALUES (?, ?, ?, 'party_government_organ', 40, 2, ?, ?)
                """, [id, code, name, now, now])
        }
        return app
    }

    private func inspect(_ app: TestApp, _ institution: Int, _ on: String, tenths: Int, kind: String = "monthly",
                         status: String = "finalized") throws {
        try app.sql("""
            INSERT INTO inspections (institution_id, rubric_id, inspected_on, kind, inspector_id, status, total_tenths,
                                     created_at, updated_at)
            VALUES (?, (SELECT id FROM rubrics WHERE active = 1), ?, ?, 1, ?, ?, '2026-07-01T00:00:00Z', '2026-07-01T00:00:00Z')
            """, [institution, on, kind, status, tenths])
    }

    private func report(_ app: TestApp, _ institution: Int, _ month: String, submittedAt: String) throws {
        try app.sql("""
            INSERT INTO ledger_reports (institution_id, month, status, submitted_at, created_at, updated_at)
            VALUES (?, ?, 'submitted', ?, ?, ?)
            """, [institution, month, submittedAt, submittedAt, submittedAt])
    }

    private func ranking(_ app: TestApp, _ query: String = "period=2026-H1", headers: [(String, String)] = []) throws -> HTTPTestClient.Response {
        try app.client.get("/v1/rankings?\(query)", token: app.adminToken, headers: headers)
    }

    @Test func scoresRanksTiesAndUnrankedInstitutions() throws {
        let app = try district()
        try inspect(app, 1, "2026-03-10", tenths: 900)
        try inspect(app, 2, "2026-03-11", tenths: 800)
        try inspect(app, 3, "2026-03-12", tenths: 800)
        try inspect(app, 4, "2026-03-12", tenths: 950, status: "draft")   // drafts do not count
        for month in ["2026-01", "2026-02", "2026-03", "2026-04", "2026-05", "2026-06"] {
            try report(app, 1, month, submittedAt: "\(month)-28T01:00:00Z")
        }
        let response = try ranking(app)
        #expect(response.status == 200)
        let entries = try #require(response.json["entries"]?.arrayValue)
        #expect(entries.map { $0["institution"]?["code"]?.stringValue } == ["A-01", "A-02", "A-03"])
        // inspection 90, ledger 100 (six on-time months), facility 0 (nothing recorded, so
        // every applicable rule of the default standard fails: none is met vacuously), publicity 0:
        // 90 × 0.6 + 100 × 0.2 + 0 × 0.1 + 0 × 0.1 = 74
        #expect(entries[0]["components"]?["facility"]?.numberValue?.text == "0")
        #expect(entries[0]["score"]?.numberValue?.text == "74")
        #expect(entries[0]["components"]?["ledger"]?.numberValue?.text == "100")
        #expect(entries[0]["grade"]?.stringValue == "pass")
        // are equal: they share rank 2
        #expect(entries.map { $0["rank"]?.numberValue?.int64 } == [1, 2, 2])
        #expect(entries[1]["components"]?["ledger"]?.numberValue?.text == "0")
        let unranked = try #require(response.json["unranked"]?.arrayValue)
        #expect(unranked.map { $0["institution"]?["code"]?.stringValue } == ["A-04"])
        #expect(unranked.first?["reason"]?.stringValue?.contains("no finalized inspection") == true)
    }

    @Test func repeatedPollsAre304AndTheTagChangesExactlyWithTheInputs() throws {
        let app = try district()
        try inspect(app, 1, "2026-03-10", tenths: 900)
        let first = try ranking(app)
        let etag = try #require(first.header("etag"))
        #expect(try ranking(app, headers: [("If-None-Match", etag)]).status == 304)

        // a write that is not an input (a new user) leaves the tag alone
        _ = try app.client.post("/v1/users", json: ["username": "someone", "display_name": "某人", "role": "viewer",
                                                    "password": "long-enough"], token: app.adminToken)
        #expect(try ranking(app, headers: [("If-None-Match", etag)]).status == 304)

        // each kind of input changes it
        var tags = [etag]
        func changed() throws -> Bool {
            let response = try ranking(app, headers: [("If-None-Match", tags.last!)])
            guard response.status == 200, let tag = response.header("etag") else { return false }
            defer { tags.append(tag) }
            return !tags.contains(tag)
        }
        try inspect(app, 2, "2026-04-01", tenths: 700)
        #expect(try changed())
        try report(app, 1, "2026-01", submittedAt: "2026-02-03T01:00:00Z")
        #expect(try changed())
        try app.sql("""
            INSERT INTO activities (institution_id, kind, title, held_on, created_at, updated_at)
            VALUES (1, 'pledge', '承诺书签订', '2026-05-01', '2026-05-01T00:00:00Z', '2026-05-01T00:00:00Z')
            """)
        #expect(try changed())
        #expect(try app.client.put("/v1/scoring-scheme", json: ["weights": ["inspection": 0.7, "ledger": 0.1]],
                                   token: app.adminToken).status == 200)
        #expect(try changed())
        #expect(try app.client.put("/v1/settings", json: ["grade_thresholds": ["excellent": 95]], token: app.adminToken).status == 200)
        #expect(try changed())
        try app.sql("UPDATE institutions SET name = '尖山区财政局（新）' WHERE id = 2")
        #expect(try changed())
    }

    @Test func writesToOtherTablesLeaveTheRememberedRankingInPlace() throws {
        let app = try district()
        try inspect(app, 1, "2026-03-10", tenths: 900)
        #expect(try ranking(app).status == 200)
        let service = app.app.services.rankings
        let period = try #require(Period(parsing: "2026-H1"))
        let today = try #require(CalendarDate(parsing: "2026-07-15"))
        func remembered() -> Bool { service.remembered(period: period, kind: nil, limit: nil, today: today) != nil }
        #expect(remembered())

        // users, tokens and audit events are not inputs: no recomputation on the next poll
        #expect(try app.client.post("/v1/users", json: ["username": "someone", "display_name": "某人", "role": "viewer",
                                                        "password": "long-enough"], token: app.adminToken).status == 201)
        #expect(remembered())
        // a facility is
        #expect(try app.client.post("/v1/institutions/1/collection-points", json: [
            "location": "大厅", "kind": "office_floor", "floor": 1, "bins": ["recyclable": ["count": 1]],
        ], token: app.adminToken).status == 201)
        #expect(!remembered())
        #expect(try ranking(app).status == 200)
        #expect(remembered())
    }

    @Test func theOverviewIsRememberedUntilOneOfItsTablesChanges() throws {
        let app = try district()
        try inspect(app, 1, "2026-03-10", tenths: 900)
        func overview() throws -> HTTPTestClient.Response {
            try app.client.get("/v1/stats/overview?period=2026-H2", token: app.adminToken)
        }
        let first = try overview()
        #expect(first.status == 200)
        let today = try #require(CalendarDate(parsing: "2026-07-15"))
        func remembered() -> Bool { app.app.services.overviews.answer(for: "2026-H2", today: today) != nil }
        #expect(remembered())
        #expect(try app.client.get("/v1/stats/overview?period=2026-H2", token: app.adminToken,
                                   headers: [("If-None-Match", try #require(first.header("etag")))]).status == 304)

        #expect(try app.client.post("/v1/users", json: ["username": "someone", "display_name": "某人", "role": "viewer",
                                                        "password": "long-enough"], token: app.adminToken).status == 201)
        #expect(remembered())
        // a ledger entry is one of its inputs (the period's totals)
        let entry = try app.client.post("/v1/institutions/1/ledger-entries", json: [
            "occurred_on": "2026-07-10", "category": "food", "weight_kg": 2.5, "stage": "collected",
        ], token: app.adminToken)
        #expect(entry.status == 201)
        #expect(!remembered())
        let after = try overview()
        #expect(after.header("etag") != first.header("etag"))
        #expect(remembered())
    }

    @Test func theRememberedAnswerNeverOutlivesARevokedTokenOrAWrite() throws {
        let app = try district()
        try inspect(app, 1, "2026-03-10", tenths: 900)
        let token = try app.login("admin", TestApp.adminPassword)
        let first = try ranking(app, headers: [])
        #expect(first.status == 200)
        // the same token twice: the second is answered from memory
        #expect(try app.client.get("/v1/rankings?period=2026-H1", token: token).status == 200)
        #expect(try app.client.get("/v1/rankings?period=2026-H1", token: token).status == 200)
        #expect(try app.client.delete("/v1/sessions/current", token: token).status == 204)
        #expect(try app.client.get("/v1/rankings?period=2026-H1", token: token).status == 401)
        // a bad period is refused on the fast path too
        #expect(try ranking(app, "period=2026-Q9").status == 400)
        // a write in between: the next answer is computed again and includes it
        try inspect(app, 2, "2026-03-11", tenths: 800)
        let after = try ranking(app)
        #expect(after.json["entries"]?.arrayValue?.count == 2)
    }

    @Test func rankChangesAgainstThePreviousPeriod() throws {
        let app = try district()
        try inspect(app, 1, "2025-09-10", tenths: 700)
        try inspect(app, 2, "2025-09-10", tenths: 900)
        try inspect(app, 1, "2026-03-10", tenths: 950)
        try inspect(app, 2, "2026-03-10", tenths: 800)
        let entries = try #require(try ranking(app).json["entries"]?.arrayValue)
        #expect(entries[0]["institution"]?["code"]?.stringValue == "A-01")
        #expect(entries[0]["previous_rank"]?.numberValue?.int64 == 2)
        #expect(entries[0]["change"]?.numberValue?.int64 == 1)
        #expect(entries[1]["change"]?.numberValue?.int64 == -1)
    }

    @Test func periodIsRequiredAndValidated() throws {
        let app = try district()
        #expect(try app.client.get("/v1/rankings", token: app.adminToken).status == 400)
        for bad in ["2026-Q5", "2026-6", "26", "2026-H3", "2026-13"] {
            let response = try ranking(app, "period=\(bad)")
            #expect(response.status == 400, "\(bad)")
            #expect(response.errorFields == ["period"])
        }
        for good in ["2026", "2026-H2", "2026-Q3", "2026-07"] {
            #expect(try ranking(app, "period=\(good)").status == 200, "\(good)")
        }
    }

    @Test func scoreHistoryExplainsEachMonth() throws {
        let app = try district()
        try inspect(app, 1, "2026-03-10", tenths: 855)
        try report(app, 1, "2026-03", submittedAt: "2026-04-07T01:00:00Z")  // due 04-05: late
        let response = try app.client.get("/v1/institutions/1/scores?from=2026-03&to=2026-04", token: app.adminToken)
        #expect(response.status == 200)
        let items = try #require(response.json["items"]?.arrayValue)
        #expect(items.count == 2)
        #expect(items[0]["inputs"]?["inspections"]?.arrayValue?.first?["total"]?.numberValue?.text == "85.5")
        #expect(items[0]["inputs"]?["ledger_months"]?.arrayValue?.first?["outcome"]?.stringValue == "late")
        #expect(items[0]["components"]?["ledger"]?.numberValue?.text == "50")
        #expect(items[1]["score"] == .null)
        #expect(items[1]["unranked_reason"]?.stringValue != nil)
    }
}

@Suite struct OverviewTests {
    @Test func coverageNeedsEveryConditionOfTheSpec() throws {
        let app = try TestApp()
        app.clock.set(Timestamp(parsing: "2026-07-15T02:00:00Z")!)
        let now = "2026-07-15T02:00:00Z"
        // two institutions with working body and plan; only the first has what coverage needs
        for id in [1, 2] {
            try app.sql("""
                INSERT INTO institutions (id, code, name, kind, headcount, floors, created_at, updated_at,
                                          working_body_established_on, plan_submitted_on)
                VALUES (?, ?, ?, 'public_institution', 10, 1, ?, ?, '2025-12-01', '2025-12-15')
                """, [id, "C-0\(id)", "单位\(id)", now, now])
        }
        for id in [1, 2] {
            try app.sql("""
                INSERT INTO inspections (institution_id, rubric_id, inspected_on, kind, inspector_id, status, total_tenths,
                                         created_at, updated_at)
                VALUES (?, (SELECT id FROM rubrics WHERE active = 1), '2026-05-10', 'monthly', 1, 'finalized', ?, ?, ?)
                """, [id, id == 1 ? 850 : 550, now, now])
            for month in ["2026-01", "2026-02", "2026-03", "2026-04", "2026-05", "2026-06"] {
                try app.sql("""
                    INSERT INTO ledger_reports (institution_id, month, status, submitted_at, created_at, updated_at)
                    VALUES (?, ?, 'submitted', ?, ?, ?)
                    """, [id, month, "\(month)-28T00:00:00Z", now, now])
            }
            try app.sql("""
                INSERT INTO collection_points (institution_id, location, kind, floor, bins, signage_ok, created_at, updated_at)
                VALUES (?, '1楼大厅', 'office_floor', 1,
                        '{"hazardous":{"count":1,"capacity_l":20},"recyclable":{"count":1,"capacity_l":120},"residual":{"count":1,"capacity_l":120},"food":{"count":1,"capacity_l":60}}',
                        1, '2025-01-01T00:00:00Z', '2025-01-01T00:00:00Z')
                """, [id])
        }
        let response = try app.client.get("/v1/stats/overview?period=2026-H1", token: app.adminToken)
        #expect(response.status == 200)
        #expect(response.json["active_institutions"]?.numberValue?.int64 == 2)
        // institution 2 scored 55.0 in its only inspection: not covered
        #expect(response.json["coverage"]?["covered"]?.numberValue?.int64 == 1)
        #expect(response.json["coverage"]?["rate"]?.numberValue?.text == "0.5")
        #expect(response.json["reporting"]?["due"]?.numberValue?.int64 == 12)
        #expect(response.json["reporting"]?["on_time_rate"]?.numberValue?.text == "1")
        #expect(response.json["inspection"]?["mean_score"]?.numberValue?.text == "70")
        // a missing report removes coverage
        try app.sql("DELETE FROM ledger_reports WHERE institution_id = 1 AND month = '2026-06'")
        let after = try app.client.get("/v1/stats/overview?period=2026-H1", token: app.adminToken)
        #expect(after.json["coverage"]?["covered"]?.numberValue?.int64 == 0)
        #expect(after.json["reporting"]?["missing"]?.numberValue?.int64 == 1)
    }

    @Test func viewersAndThePublicReadOverviewsOnlyWithPublicRead() throws {
        let closed = try TestApp()
        #expect(try closed.client.get("/v1/stats/overview?period=2026").status == 401)
        let open = try TestApp(publicRead: true)
        #expect(try open.client.get("/v1/stats/overview?period=2026").status == 200)
        #expect(try open.client.get("/v1/rankings?period=2026").status == 200)
        #expect(try open.client.get("/v1/institutions").status == 401)
    }
}
