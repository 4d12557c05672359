import Foundation
import JSON
import Testing
import WasteDomain

/// Months a unit never owed are charged nowhere (docs/DECISIONS.md, "Reporting obligations"). On
/// 10 January 2027: A has owed since 2026, B since November 2026 (inside Q4), C only from February 2027.
@Suite struct ObligationTests {
    private struct District {
        let app: TestApp
        let a: Int64, b: Int64, c: Int64
        /// An admin session of 10 January (the first one expired with the clock's jump).
        let token: String
    }

    private func district() throws -> District {
        let app = try TestApp()
        app.clock.set(Timestamp(parsing: "2026-06-01T02:00:00Z")!)
        let a = try app.createInstitution(code: "O-A", name: "尖山区财政局", [("reporting_starts_on", "2026-01-01")])
        let b = try app.createInstitution(code: "O-B", name: "尖山区统计局", [("reporting_starts_on", "2026-11-01")])
        let c = try app.createInstitution(code: "O-C", name: "尖山区档案馆", [("reporting_starts_on", "2027-02-01")])
        app.clock.set(Timestamp(parsing: "2027-01-10T02:00:00Z")!)
        let now = "2027-01-10T02:00:00Z"
        for (id, institution, on) in [(1, a, "2026-08-20"), (2, b, "2026-08-21"), (3, a, "2026-11-20"), (4, b, "2026-11-21")] {
            try app.sql("""
                INSERT INTO inspections (id, institution_id, rubric_id, inspected_on, kind, inspector_id, status, total_tenths,
                                         created_at, updated_at)
                VALUES (?, ?, 1, ?, 'monthly', 1, 'finalized', 800, ?, ?)
                """, [id, institution, on, now, now])
        }
        for month in ["2026-07", "2026-08", "2026-09", "2026-10", "2026-11", "2026-12"] {
            try app.sql("""
                INSERT INTO ledger_reports (institution_id, month, status, submitted_at, created_at, updated_at)
                VALUES (?, ?, 'submitted', ?, ?, ?)
                """, [a, month, "\(month)-28T00:00:00Z", now, now])
        }
        return District(app: app, a: a, b: b, c: c, token: try app.login("admin", TestApp.adminPassword))
    }

    private func codes(_ list: JSONValue?, _ path: String = "institution") -> [String] {
        list?.arrayValue?.compactMap { $0[path]?["code"]?.stringValue } ?? []
    }

    @Test func aUnitIsJudgedOnlyOnTheMonthsItOwed() throws {
        let d = try district()
        let client = d.app.client, token = d.token
        let ranking = try client.get("/v1/rankings?period=2026-Q4", token: token).json
        #expect(codes(ranking["entries"]) == ["O-A", "O-B"])
        #expect(codes(ranking["unranked"]).isEmpty)   // C's obligation begins after Q4: not even unranked
        let b = ranking["entries"]?.arrayValue?.first { $0["institution"]?["code"] == "O-B" }
        #expect(b?["components"]?["ledger"]?.numberValue?.text == "0")   // November and December missing, October not owed
        let scores = try client.get("/v1/institutions/\(d.b)/scores?from=2026-09&to=2026-12", token: token).json["items"]?.arrayValue ?? []
        let outcomes = scores.map { $0["inputs"]?["ledger_months"]?.arrayValue?.compactMap { $0["outcome"]?.stringValue } ?? [] }
        #expect(outcomes == [[], [], ["missing"], ["missing"]])
        #expect(scores.first?["rank"] == .null)  // September: B is in no ranking yet
        // B's own report of October is not owed, so never late; November is
        let october = try client.get("/v1/institutions/\(d.b)/ledger-reports/2026-10", token: token).json
        #expect(october["owed"] == .bool(false))
        #expect(october["late"] == .bool(false))
        let november = try client.get("/v1/institutions/\(d.b)/ledger-reports/2026-11", token: token).json
        #expect(november["owed"] == .bool(true))
        #expect(november["late"] == .bool(true))
        // who has not reported: October is owed by A alone, December by A and B
        #expect(codes(try client.get("/v1/ledger-reports?month=2026-10", token: token).json["items"]) == ["O-A"])
        #expect(codes(try client.get("/v1/ledger-reports?month=2026-12", token: token).json["items"]) == ["O-A", "O-B"])
        // coverage and the overview: C is registered but not yet obliged
        let coverage = try client.get("/v1/coverage?period=2026-Q4", token: token).json
        #expect(codes(coverage["items"]) == ["O-A", "O-B"])
        let overview = try client.get("/v1/stats/overview?period=2026-Q4", token: token).json
        #expect(overview["active_institutions"]?.numberValue?.int64 == 3)
        #expect(overview["coverage"]?["institutions"]?.numberValue?.int64 == 2)
        #expect(overview["reporting"]?["due"]?.numberValue?.int64 == 5)  // A: October–December; B: November, December
    }

    @Test func noticesNameNoUnitForMonthsItDidNotOwe() throws {
        let d = try district()
        let client = d.app.client, token = d.token
        let q4 = try client.get("/v1/notices/preview?period=2026-Q4&kind=quarterly", token: token).json
        let criticized = q4["criticized"]?.arrayValue ?? []
        let reasons = criticized.first { $0["name"] == "尖山区统计局" }?["reasons"]?.arrayValue?.compactMap(\.stringValue) ?? []
        #expect(reasons.contains("11月、12月台账未报送"))
        #expect(!reasons.contains { $0.contains("10月") })
        let q4Text = try client.get("/v1/notices/preview?period=2026-Q4&kind=quarterly&format=text", token: token).text
        #expect(!q4Text.contains("尖山区档案馆"))
        // Q3 ended before B's obligation began: B is in neither the ranking nor the notice
        let q3Text = try client.get("/v1/notices/preview?period=2026-Q3&kind=quarterly&format=text", token: token).text
        #expect(q3Text.contains("尖山区财政局"))
        #expect(!q3Text.contains("尖山区统计局"))
        #expect(!q3Text.contains("尖山区档案馆"))
        let q3 = try client.get("/v1/rankings?period=2026-Q3", token: token).json
        #expect(codes(q3["entries"]) == ["O-A"])
        #expect(codes(q3["unranked"]).isEmpty)
    }
}
