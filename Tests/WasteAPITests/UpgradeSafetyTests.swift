import Foundation
import JSON
import Storage
import Testing
import DemoData
import WasteAPI
import WasteDomain

/// Upgrades keep the district's data: a database made by an earlier migration set, holding
/// data, takes the current migrations without losing a row; a migration that fails midway
/// leaves the file exactly as it was.
@Suite struct UpgradeSafetyTests {
    private func files() throws -> [MigrationFile] {
        let directory = TestApp.migrations
        return try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.hasSuffix(".sql") }.sorted()
            .map { MigrationFile(name: $0, sql: try String(contentsOf: directory.appendingPathComponent($0), encoding: .utf8)) }
    }

    private func pool() throws -> DatabasePool {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("wastesort-upgrade-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        return try DatabasePool(path: directory.appendingPathComponent("u.db").path)
    }

    /// Rows in every user table, by table name.
    private func counts(_ pool: DatabasePool) throws -> [String: Int] {
        try pool.read { db in
            var counts: [String: Int] = [:]
            for row in try db.query("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'") {
                let table = try row.string("name")
                counts[table] = try db.scalar("SELECT count(*) FROM \"\(table)\"", as: Int.self)
            }
            return counts
        }
    }

    @Test func everyEarlierMigrationSetUpgradesWithoutLosingARow() throws {
        let all = try files()
        for applied in 1..<all.count {
            let pool = try pool()
            defer { pool.close() }
            _ = try pool.migrate(Migrator(source: .embedded(Array(all.prefix(applied)))))
            try pool.write { db in
                try db.execute("""
                    INSERT INTO institutions (code, name, kind, created_at, updated_at)
                    VALUES ('U-1', '升级测试单位', 'other', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z')
                    """)
                try db.execute("""
                    INSERT INTO audit_events (at, entity, entity_id, action) VALUES ('2026-01-01T00:00:00Z', 'institution', 1, 'create')
                    """)
            }
            let before = try counts(pool)
            _ = try pool.migrate(Migrator(source: .embedded(all)))
            let after = try counts(pool)
            for (table, rows) in before where table != "schema_migrations" {
                #expect(after[table] == rows, "\(table) lost rows upgrading from \(applied) migrations")
            }
            #expect(try pool.integrityCheck() == ["ok"])
        }
    }

    @Test func aFullDemoDistrictSurvivesReapplyingTheMigrations() throws {
        let pool = try pool()
        defer { pool.close() }
        _ = try pool.migrate(Migrator(source: .embedded(try files())))
        var options = DemoOptions()
        options.passwordIterations = 1000
        _ = try DemoDistrict.fill(pool, options: options, today: CalendarDate(year: 2026, month: 11, day: 20)!)
        let before = try counts(pool)
        #expect((before["ledger_entries"] ?? 0) > 1000)
        #expect(try pool.migrate(Migrator(source: .embedded(try files()))).isEmpty)
        #expect(try counts(pool) == before)
    }

    @Test func aMigrationThatFailsMidwayLeavesTheDatabaseAsItWas() throws {
        let pool = try pool()
        defer { pool.close() }
        let all = try files()
        _ = try pool.migrate(Migrator(source: .embedded(all)))
        try pool.write { db in
            try db.execute("""
                INSERT INTO institutions (code, name, kind, created_at, updated_at)
                VALUES ('F-1', '失败迁移测试', 'other', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z')
                """)
        }
        let before = try counts(pool)
        let schemaBefore = try pool.read { db in try db.query("SELECT sql FROM sqlite_master ORDER BY name").map { try $0.optionalString("sql") } }
        // its first statements succeed, then one fails: nothing of it may remain
        let broken = MigrationFile(name: "9999_broken.sql", sql: """
            ALTER TABLE institutions ADD COLUMN upgrade_note TEXT;
            UPDATE institutions SET name = name || '（改）';
            CREATE TABLE half_done (id INTEGER PRIMARY KEY);
            INSERT INTO no_such_table VALUES (1);
            """)
        #expect(throws: (any Error).self) { _ = try pool.migrate(Migrator(source: .embedded(all + [broken]))) }
        #expect(try counts(pool) == before)
        let schemaAfter = try pool.read { db in try db.query("SELECT sql FROM sqlite_master ORDER BY name").map { try $0.optionalString("sql") } }
        #expect(schemaAfter == schemaBefore)
        #expect(try pool.read { db in try db.scalar("SELECT name FROM institutions WHERE code = 'F-1'", as: String.self) } == "失败迁移测试")
    }
}
