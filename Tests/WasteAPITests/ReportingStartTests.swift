import Foundation
import JSON
import Storage
import Testing
@testable import WasteAPI
import WasteDomain

/// `reporting_starts_on`, the first month an institution owes a ledger report: defaulted on
/// registration, set by the office only, carried by the spreadsheet, and filled in for units that
/// existed before the field did.
@Suite struct ReportingStartTests {
    /// 2026-12-04 10:00 in the district (UTC+8) is 02:00 UTC.
    private func app(on instant: String = "2026-12-04T02:00:00Z") throws -> TestApp {
        let app = try TestApp()
        app.clock.set(try #require(Timestamp(parsing: instant)))
        return app
    }

    @Test func registeringWithoutAStartOwesFromTheFirstDayOfTheNextMonth() throws {
        let app = try app()
        let id = try app.createInstitution(code: "R-1", name: "尖山区统计局")
        let fetched = try app.client.get("/v1/institutions/\(id)", token: app.adminToken)
        #expect(fetched.json["reporting_starts_on"]?.stringValue == "2027-01-01")
    }

    @Test func theDefaultFollowsTheDistrictsDateNotUTC() throws {
        // 2026-11-30 17:00 UTC is already 2026-12-01 01:00 in the district: the next month is January.
        let app = try app(on: "2026-11-30T17:00:00Z")
        let id = try app.createInstitution(code: "R-2", name: "尖山区档案馆")
        #expect(try app.client.get("/v1/institutions/\(id)", token: app.adminToken).json["reporting_starts_on"]?.stringValue
                == "2027-01-01")
    }

    @Test func theOfficeSetsTheStartButAClerkMayNot() throws {
        let app = try app()
        let id = try app.createInstitution(code: "R-3", name: "尖山区审计局", [("reporting_starts_on", "2026-10-01")])
        #expect(try app.client.get("/v1/institutions/\(id)", token: app.adminToken).json["reporting_starts_on"]?.stringValue
                == "2026-10-01")
        let changed = try app.client.patch("/v1/institutions/\(id)", json: ["reporting_starts_on": "2026-11-01"], token: app.adminToken)
        #expect(changed.status == 200)
        #expect(changed.json["reporting_starts_on"]?.stringValue == "2026-11-01")

        let clerk = try app.userToken("clerk-r3", role: "clerk", institutionID: id)
        let refused = try app.client.patch("/v1/institutions/\(id)", json: ["reporting_starts_on": "2026-07-01"], token: clerk)
        #expect(refused.status == 403)
        #expect(refused.errorFields == ["reporting_starts_on"])

        let bad = try app.client.patch("/v1/institutions/\(id)", json: ["reporting_starts_on": "2026-02-30"], token: app.adminToken)
        #expect(bad.status == 400)
        #expect(bad.errorFields == ["reporting_starts_on"])
    }

    @Test func theSpreadsheetCarriesTheStartBothWays() throws {
        let app = try app()
        let imported = try app.importCSV("code,name,kind,reporting_starts_on\r\nR-4,尖山区民政局,other,2026-09-01\r\nR-5,尖山区司法局,other,\r\n")
        #expect(imported.status == 200, "\(imported.text)")
        let rows = try app.rows("SELECT code, reporting_starts_on FROM institutions ORDER BY code")
        #expect(rows.map { $0["reporting_starts_on"] } == ["2026-09-01", "2027-01-01"])

        let export = try app.exportCSV().text
        let lines = export.split(separator: "\r\n").map(String.init)
        let header = lines[0].split(separator: ",").map(String.init)
        let column = try #require(header.firstIndex(of: "reporting_starts_on"))
        #expect(lines.dropFirst().map { $0.split(separator: ",", omittingEmptySubsequences: false)[column] } == ["2026-09-01", "2027-01-01"])
    }

    @Test func unitsRegisteredBeforeTheFieldOweFromTheirRegistrationMonth() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("wastesort-start-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let pool = try DatabasePool(path: directory.appendingPathComponent("s.db").path)
        defer { pool.close() }
        let all = try FileManager.default.contentsOfDirectory(atPath: TestApp.migrations.path).filter { $0.hasSuffix(".sql") }.sorted()
            .map { MigrationFile(name: $0, sql: try String(contentsOf: TestApp.migrations.appendingPathComponent($0), encoding: .utf8)) }
        let before = all.filter { $0.name < "0009" }
        _ = try pool.migrate(Migrator(source: .embedded(before)))
        try pool.write { db in
            try db.execute("""
                INSERT INTO institutions (code, name, kind, created_at, updated_at)
                VALUES ('OLD-1', '尖山区老干部局', 'other', '2025-03-17T08:00:00Z', '2025-03-17T08:00:00Z')
                """)
        }
        _ = try pool.migrate(Migrator(source: .embedded(all)))
        let start = try pool.read { db in try db.scalar("SELECT reporting_starts_on FROM institutions WHERE code = 'OLD-1'", as: String.self) }
        #expect(start == "2025-03-01")
    }
}
