import Foundation
import JSON
import Storage
import Testing
@testable import WasteAPI

/// Every described resource against its table: each column is declared exactly once (so a
/// migration's new column cannot be forgotten in the API), and a value survives the trip through
/// SQL and JSON unchanged.
@Suite struct ResourceDescriptionTests {
    /// Columns every table has that are bookkeeping, not fields.
    private static let bookkeeping: Set<String> = ["id", "institution_id", "created_at", "updated_at", "version", "deleted_at"]

    private func tableColumns(_ app: TestApp, _ table: String) throws -> Set<String> {
        Set(try app.rows("SELECT name FROM pragma_table_info(?)", [table]).compactMap { $0["name"] })
    }

    @Test(arguments: DescribedResources.tables.map(\.table))
    func everyDescriptionDeclaresEveryColumnOfItsTableOnce(_ table: String) throws {
        let app = try TestApp()
        let described = try #require(DescribedResources.tables.first { $0.table == table })
        #expect(Set(described.columns).count == described.columns.count, "a column is declared twice")
        #expect(Set(described.names).count == described.names.count, "a JSON name is declared twice")
        #expect(Set(described.chineseHeaders).count == described.columns.count, "a Chinese header is declared twice")
        #expect(try tableColumns(app, table).subtracting(Self.bookkeeping).subtracting(described.derivedColumns)
                == Set(described.columns))
    }

    /// Tables of versioned resources still written by hand; each leaves this list when it gets
    /// a description. A new resource table must be described (or named here, deliberately).
    private static let handWritten: Set<String> = [
        "users", "ledger_entries", "ledger_reports", "rubrics", "inspections", "findings", "notices", "settings",
        "facility_standards", "scoring_schemes", "schema_migrations",
    ]

    @Test func everyVersionedTableIsDescribedOrKnownToBeHandWritten() throws {
        let app = try TestApp()
        let tables = try app.rows("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
            .compactMap { $0["name"] }
        let versioned = try tables.filter { try tableColumns(app, $0).contains("version") }
        let described = Set(DescribedResources.tables.map(\.table))
        #expect(Set(versioned).subtracting(described).subtracting(Self.handWritten) == [])
    }

    @Test func anInstitutionSurvivesTheTripThroughItsRowAndItsJSON() throws {
        let app = try TestApp()
        let id = try app.createInstitution(code: "T-1", name: "尖山区科技局", [
            ("kind", "党政机关"), ("parent_department", "尖山区人民政府"), ("address", "新兴大街1号"),
            ("latitude", 46.646523), ("longitude", 131.158401), ("headcount", 57),
            ("floors", 4), ("has_canteen", true), ("building_area_m2", 1234.56), ("contact_name", "王芳"),
            ("contact_phone", "0469-4123456"), ("working_body_established_on", "2026-03-01"),
            ("plan_submitted_on", "2026-03-15"), ("reporting_starts_on", "2026-04-01"),
        ])
        let stored = try #require(try app.pool.read { db in try InstitutionRecord.find(db, id: id) })
        let body = try #require(InstitutionFields.description.json(stored.fields).objectValue)
        let reread = try InstitutionFields.description.read(body, onto: nil).get()
        #expect(reread == stored.fields)
        // Through the CSV the API exports and the reader its import uses.
        let rows = try CSVReader.parse(InstitutionCSV.export([stored.fields]))
        let fromCells = try InstitutionFields.description.read(
            InstitutionCSV.object(header: rows[0].fields, cells: rows[1].fields), onto: nil).get()
        #expect(fromCells == stored.fields)
    }

    @Test func aStoredValueOutsideItsDomainIsAnErrorNotADefault() throws {
        let app = try TestApp()
        let id = try app.createInstitution(code: "T-2", name: "尖山区水务局")
        // What a hand edit or a damaged file could leave behind: the schema's CHECK would refuse it.
        try app.pool.write { db in
            try db.execute("PRAGMA ignore_check_constraints = ON")
            try db.execute("UPDATE institutions SET kind = 'ministry' WHERE id = ?", [id])
            try db.execute("PRAGMA ignore_check_constraints = OFF")
        }
        #expect(throws: StoredValueError.self) { _ = try app.pool.read { db in try InstitutionRecord.find(db, id: id) } }
        let answer = try app.client.get("/v1/institutions/\(id)", token: app.adminToken)
        #expect(answer.status == 500)
        #expect(!answer.text.contains("ministry"))
    }

    @Test func aDamagedSettingsDocumentOrTaskStatusIsA500NotTheDefaults() throws {
        let app = try TestApp()
        let id = try app.createInstitution(code: "T-3", name: "尖山区文旅局")
        let task = try app.client.post("/v1/institutions/\(id)/tasks", json: ["title": "配齐分类桶", "owner": "张伟", "due_on": "2026-12-31"],
                                       token: app.adminToken)
        let taskID = try #require(task.json["id"]?.numberValue?.int64)
        try app.pool.write { db in
            try db.execute("PRAGMA ignore_check_constraints = ON")
            try db.execute("UPDATE tasks SET status = 'postponed' WHERE id = ?", [taskID])
            try db.execute("PRAGMA ignore_check_constraints = OFF")
        }
        #expect(try app.client.get("/v1/tasks/\(taskID)", token: app.adminToken).status == 500)

        try app.sql("""
            INSERT OR REPLACE INTO settings (id, document, version, created_at, updated_at)
            VALUES (1, '{"district_name": ', 1, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z')
            """)
        let settings = try app.client.get("/v1/settings", token: app.adminToken)
        #expect(settings.status == 500)
        #expect(!settings.text.contains("district_name"))
    }
}
