import Foundation
import JSON
import Storage
import Testing
import DemoData
import WasteAPI
import WasteDomain

/// The demo district (`serve --demo`) end to end: generated straight into SQLite, then read over
/// HTTP the way a newcomer's dashboard and the office would read it.
@Suite struct DemoDistrictTests {
    /// 10:00 in the district on 2026-11-20: the current half is 2026-H2, the last quarter
    /// 2026-Q3, the last month 2026-10 (its reports were due on 2026-11-05).
    private static let now = Timestamp(parsing: "2026-11-20T02:00:00Z")!
    private static let today = CalendarDate(year: 2026, month: 11, day: 20)!
    private static let options = DemoOptions(passwordIterations: 1000)

    private func filledDistrict(seed: UInt64 = 2026) throws -> (TestApp, DemoSummary) {
        let app = try TestApp()
        app.clock.set(Self.now)
        var options = Self.options
        options.seed = seed
        let summary = try DemoDistrict.fill(app.pool, options: options, today: Self.today)
        return (app, summary)
    }

    private func get(_ app: TestApp, _ path: String, token: String? = nil) throws -> HTTPTestClient.Response {
        let response = try app.client.get(path, token: token ?? app.adminToken)
        #expect(response.status == 200, "\(path): \(response.status) \(response.text.prefix(300))")
        return response
    }

    @Test func theCurrentHalfRanksMostInstitutionsOverSeveralGradesAndListsTheUninspected() throws {
        let (app, summary) = try filledDistrict()
        #expect(summary.filled)
        #expect(summary.rows(of: "institutions") == 45)
        let ranking = try get(app, "/v1/rankings?period=2026-H2").json
        let entries = try #require(ranking["entries"]?.arrayValue)
        #expect(entries.count >= 30)
        let grades = Set(entries.compactMap { $0["grade"]?.stringValue })
        #expect(grades.count >= 3, "grades: \(grades)")
        #expect(grades.contains("excellent") && grades.contains("fail"))
        let unranked = try #require(ranking["unranked"]?.arrayValue)
        #expect(unranked.count > 0)
    }

    @Test func theOverviewHasLedgerInspectionAndFindingFigures() throws {
        let (app, _) = try filledDistrict()
        let overview = try get(app, "/v1/stats/overview?period=2026-H2").json
        #expect((overview["ledger"]?["total_kg"]?.numberValue?.double ?? 0) > 0)
        #expect((overview["inspection"]?["inspections"]?.numberValue?.int64 ?? 0) > 0)
        #expect((overview["inspection"]?["mean_score"]?.numberValue?.double ?? 0) > 0)
        #expect((overview["coverage"]?["covered"]?.numberValue?.int64 ?? 0) > 0)
        #expect((overview["reporting"]?["on_time"]?.numberValue?.int64 ?? 0) > 0)
        #expect((overview["findings"]?["total"]?.numberValue?.int64 ?? 0) > 0)
    }

    @Test func theLastQuartersNoticePraisesCriticizesAndListsProblems() throws {
        let (app, _) = try filledDistrict()
        let notice = try get(app, "/v1/notices/preview?period=2026-Q3&kind=quarterly&format=markdown").text
        #expect(notice.contains("予以通报表扬："))
        #expect(notice.contains("予以通报批评："))
        #expect(notice.contains("检查中发现的主要问题") || notice.contains("1. A") || notice.contains("1. B") || notice.contains("1. C"))
        #expect(notice.contains("已逾期"))
    }

    @Test func theOfficeSeesMissingReportsOverdueFindingsAndFacilityShortfalls() throws {
        let (app, _) = try filledDistrict()
        let reports = try get(app, "/v1/ledger-reports?month=2026-10").json
        #expect((reports["counts"]?["open"]?.numberValue?.int64 ?? 0) > 0)
        #expect((reports["counts"]?["accepted"]?.numberValue?.int64 ?? 0) > 0)
        #expect((reports["late_count"]?.numberValue?.int64 ?? 0) > 0)
        let overdue = try get(app, "/v1/findings?overdue=true").json
        let overdueItems = try #require(overdue["items"]?.arrayValue)
        #expect(overdueItems.count > 0)
        let compliance = try get(app, "/v1/facility-compliance?limit=500").json["items"]?.arrayValue ?? []
        let compliant = compliance.filter { $0["compliant"]?.boolValue == true }.count
        #expect(compliance.count == 45)
        #expect(compliant > 0 && compliant < compliance.count)
    }

    @Test func demoUsersLogInAndTheViewerTokenReadsTheRanking() throws {
        let (app, summary) = try filledDistrict()
        #expect(summary.usernames == ["inspector", "viewer", "clerk1", "clerk2"])
        let clerk = try app.login("clerk1", DemoDistrict.password)
        let me = try get(app, "/v1/me", token: clerk).json
        #expect(me["role"]?.stringValue == "clerk" || me["user"]?["role"]?.stringValue == "clerk")
        let token = try #require(summary.viewerToken)
        _ = try get(app, "/v1/rankings?period=2026-H2", token: token)
    }

    @Test func theFillKeepsEveryForeignKeyAndCheckConstraint() throws {
        let (app, _) = try filledDistrict()
        let problems = try app.pool.read { db in try db.query("PRAGMA foreign_key_check") }
        #expect(problems.isEmpty)
        // Every inspection has a score for every item of its rubric, summing to its total.
        let mismatched = try app.pool.read { db in
            try db.scalar("""
                SELECT count(*) FROM inspections i
                WHERE (SELECT count(*) FROM inspection_scores s WHERE s.inspection_id = i.id)
                      <> (SELECT count(*) FROM rubric_items r WHERE r.rubric_id = i.rubric_id)
                   OR (SELECT sum(score_tenths) FROM inspection_scores s WHERE s.inspection_id = i.id) <> i.total_tenths
                """, as: Int.self)
        }
        #expect(mismatched == 0)
    }

    @Test func theSameSeedGivesTheSameDistrictAndRanking() throws {
        let (first, _) = try filledDistrict()
        let (second, _) = try filledDistrict()
        let names = { (app: TestApp) in try app.pool.read { db in try db.query("SELECT name FROM institutions ORDER BY id").map { try $0.string("name") } } }
        #expect(try names(first) == names(second))
        let a = try get(first, "/v1/rankings?period=2026-H2").json
        let b = try get(second, "/v1/rankings?period=2026-H2").json
        #expect(a["entries"] == b["entries"])
        #expect(a["unranked"] == b["unranked"])
        let (other, _) = try filledDistrict(seed: 7)
        #expect(try get(other, "/v1/rankings?period=2026-H2").json["entries"] != a["entries"])
    }

    @Test func aSecondFillDoesNothing() throws {
        let (app, first) = try filledDistrict()
        let again = try DemoDistrict.fill(app.pool, options: Self.options, today: Self.today)
        #expect(!again.filled)
        let institutions = try app.pool.read { db in try db.scalar("SELECT count(*) FROM institutions", as: Int.self) }
        let entries = try app.pool.read { db in try db.scalar("SELECT count(*) FROM ledger_entries", as: Int.self) }
        #expect(institutions == first.rows(of: "institutions"))
        #expect(entries == first.rows(of: "ledger_entries"))
    }
}
