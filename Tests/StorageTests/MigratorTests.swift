import Foundation
import Testing
@testable import Storage

@Suite struct MigratorTests {
    let directory: TemporaryDirectory
    let migrations: URL
    let db: Connection

    init() throws {
        directory = try TemporaryDirectory()
        migrations = directory.url.appendingPathComponent("Migrations")
        try FileManager.default.createDirectory(at: migrations, withIntermediateDirectories: true)
        db = try directory.connection()
    }

    private func write(_ name: String, _ sql: String) throws {
        try sql.write(to: migrations.appendingPathComponent(name), atomically: true, encoding: .utf8)
    }

    private var migrator: Migrator { Migrator(directory: migrations) }

    private func tableExists(_ name: String) throws -> Bool {
        try db.scalar("SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = ?", [name], as: Int.self) == 1
    }

    private func writeStandardPair() throws {
        try write("0002_add_reports.sql", """
            CREATE TABLE reports(id INTEGER PRIMARY KEY, institution_id INTEGER NOT NULL REFERENCES institutions(id));
            INSERT INTO reports(institution_id) SELECT id FROM institutions;
            """)
        try write("0001_create_institutions.sql", """
            CREATE TABLE institutions(id INTEGER PRIMARY KEY, code TEXT NOT NULL UNIQUE);
            INSERT INTO institutions(code) VALUES ('A1');
            """)
    }

    @Test func migrationsApplyInNumericOrderAndRecordChecksums() throws {
        try writeStandardPair()
        try write("README.md", "not a migration")
        let applied = try migrator.migrate(db)
        #expect(applied.map(\.name) == ["0001_create_institutions.sql", "0002_add_reports.sql"])
        #expect(try db.scalar("SELECT count(*) FROM reports", as: Int.self) == 1)
        let records = try db.query("SELECT version, name, checksum, applied_at FROM schema_migrations ORDER BY version")
        #expect(try records.map { try $0.int("version") } == [1, 2])
        #expect(try records[0].string("checksum") == applied[0].checksum)
        #expect(try records[0].string("checksum").count == 64)
        #expect(try records[1].string("applied_at").hasSuffix("Z"))
    }

    @Test func secondRunAppliesNothing() throws {
        try writeStandardPair()
        try migrator.migrate(db)
        #expect(try migrator.migrate(db).isEmpty)
        #expect(try db.scalar("SELECT count(*) FROM institutions", as: Int.self) == 1)
        let status = try migrator.status(db)
        #expect(status.applied.count == 2 && status.pending.isEmpty && status.problems.isEmpty)
    }

    @Test func newMigrationIsAppliedOnTheNextRun() throws {
        try writeStandardPair()
        try migrator.migrate(db)
        try write("0003_add_notes.sql", "ALTER TABLE institutions ADD COLUMN notes TEXT;")
        #expect(try migrator.status(db).pending.map(\.version) == [3])
        #expect(try migrator.migrate(db).map(\.version) == [3])
    }

    @Test func changedAppliedMigrationIsRefusedNamingTheFile() throws {
        try writeStandardPair()
        try migrator.migrate(db)
        try write("0001_create_institutions.sql", "CREATE TABLE institutions(id INTEGER PRIMARY KEY);")
        try write("0003_more.sql", "CREATE TABLE more(x);")
        let error = #expect(throws: MigrationError.self) { try migrator.migrate(db) }
        #expect(error?.reason == .checksumMismatch)
        #expect(error?.message.contains("0001_create_institutions.sql") == true)
        #expect(try !tableExists("more"))
    }

    @Test func missingAppliedMigrationIsRefusedNamingTheFile() throws {
        try writeStandardPair()
        try migrator.migrate(db)
        try FileManager.default.removeItem(at: migrations.appendingPathComponent("0002_add_reports.sql"))
        let error = #expect(throws: MigrationError.self) { try migrator.migrate(db) }
        #expect(error?.reason == .missingFile)
        #expect(error?.message.contains("0002_add_reports.sql") == true)
        #expect(try migrator.status(db).problems.map(\.reason) == [.missingFile])
    }

    @Test func badFileNameIsRefused() throws {
        try write("create_things.sql", "CREATE TABLE things(x);")
        let error = #expect(throws: MigrationError.self) { try migrator.migrate(db) }
        #expect(error?.reason == .badFileName)
        #expect(error?.message.contains("create_things.sql") == true)
    }

    @Test func repeatedVersionIsRefused() throws {
        try write("0001_a.sql", "CREATE TABLE a(x);")
        try write("0001_b.sql", "CREATE TABLE b(x);")
        let error = #expect(throws: MigrationError.self) { try migrator.migrate(db) }
        #expect(error?.reason == .duplicateVersion)
        #expect(try !tableExists("a"))
    }

    @Test func failingMigrationLeavesTheDatabaseUnchanged() throws {
        try write("0001_base.sql", "CREATE TABLE base(x);")
        try write("0002_broken.sql", """
            CREATE TABLE half_done(x);
            INSERT INTO base VALUES (1);
            INSERT INTO no_such_table VALUES (1);
            """)
        let error = #expect(throws: MigrationError.self) { try migrator.migrate(db) }
        #expect(error?.reason == .failed)
        #expect(error?.message.contains("0002_broken.sql") == true)
        #expect(try !tableExists("half_done"))
        #expect(try db.scalar("SELECT count(*) FROM base", as: Int.self) == 0)
        #expect(try db.scalar("SELECT max(version) FROM schema_migrations", as: Int.self) == 1)
        #expect(try db.scalar("PRAGMA foreign_keys", as: Bool.self) == true)
    }

    @Test func migrationLeavingForeignKeyViolationsIsRolledBack() throws {
        try write("0001_base.sql", """
            CREATE TABLE parent(id INTEGER PRIMARY KEY);
            CREATE TABLE child(parent_id INTEGER REFERENCES parent(id));
            INSERT INTO child VALUES (7);
            """)
        let error = #expect(throws: MigrationError.self) { try migrator.migrate(db) }
        #expect(error?.reason == .foreignKeyViolation)
        #expect(try !tableExists("child"))
    }

    @Test func migrationMayRebuildATableReferencedByForeignKeys() throws {
        try write("0001_base.sql", """
            CREATE TABLE parent(id INTEGER PRIMARY KEY, name TEXT);
            CREATE TABLE child(parent_id INTEGER REFERENCES parent(id));
            INSERT INTO parent VALUES (1, 'p');
            INSERT INTO child VALUES (1);
            """)
        try write("0002_rebuild.sql", """
            CREATE TABLE parent_new(id INTEGER PRIMARY KEY, name TEXT NOT NULL);
            INSERT INTO parent_new SELECT id, name FROM parent;
            DROP TABLE parent;
            ALTER TABLE parent_new RENAME TO parent;
            """)
        #expect(try migrator.migrate(db).count == 2)
        #expect(try db.foreignKeyViolations().isEmpty)
    }

    @Test func outOfOrderMigrationIsRefused() throws {
        try write("0002_b.sql", "CREATE TABLE b(x);")
        try migrator.migrate(db)
        try write("0001_a.sql", "CREATE TABLE a(x);")
        let error = #expect(throws: MigrationError.self) { try migrator.migrate(db) }
        #expect(error?.reason == .outOfOrder)
    }

    @Test func embeddedMigrationsMatchTheSameFilesOnDisk() throws {
        let sql = "CREATE TABLE t(x);"
        try write("0001_t.sql", sql)
        try migrator.migrate(db)
        let embedded = Migrator(source: .embedded([MigrationFile(name: "0001_t.sql", sql: sql)]))
        #expect(try embedded.migrate(db).isEmpty)
        #expect(try embedded.status(db).problems.isEmpty)
    }

    @Test func poolMigratesOnItsWriter() throws {
        try writeStandardPair()
        let pool = try DatabasePool(path: directory.path("pool.sqlite"))
        defer { pool.close() }
        #expect(try pool.migrate(migrator).count == 2)
        #expect(try pool.read { try $0.scalar("SELECT count(*) FROM institutions", as: Int.self) } == 1)
    }
}
