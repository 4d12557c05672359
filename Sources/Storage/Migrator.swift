import Foundation

/// A migration recorded in `schema_migrations`.
public struct AppliedMigration: Sendable, Equatable {
    public let version: Int
    public let name: String
    public let checksum: String
    /// UTC, ISO 8601.
    public let appliedAt: String
}

/// What `Migrator.status` found.
public struct MigrationStatus: Sendable {
    public let applied: [AppliedMigration]
    public let pending: [Migration]
    /// Reasons `migrate` would refuse to run (changed, missing or out-of-order migrations).
    public let problems: [MigrationError]
}

/// Applies `NNNN_name.sql` migrations in order, each once, each in its own IMMEDIATE transaction
/// together with its record in `schema_migrations`.
///
/// It refuses to run, changing nothing, when an applied migration was edited or removed: shipped
/// migrations are immutable, and the database file is the user's data.
public struct Migrator: Sendable {
    public let source: MigrationSource

    public init(source: MigrationSource) {
        self.source = source
    }

    /// Migrations from a directory such as `Migrations/`.
    public init(directory: URL) {
        self.init(source: .directory(directory))
    }

    /// Applies every pending migration and returns them; an empty array when none was pending.
    @discardableResult
    public func migrate(_ db: Connection) throws -> [Migration] {
        guard !db.isInTransaction else {
            throw DatabaseError.misuse("migrate must run outside a transaction: each migration has its own")
        }
        let migrations = try source.load()
        try db.execute(Self.createTable)
        let applied = try appliedMigrations(db)
        if let problem = problems(migrations: migrations, applied: applied).first { throw problem }
        let done = Set(applied.map(\.version))
        let pending = migrations.filter { !done.contains($0.version) }
        for migration in pending { try apply(migration, to: db) }
        return pending
    }

    /// Applied and pending migrations, and what would stop `migrate`. Changes nothing.
    public func status(_ db: Connection) throws -> MigrationStatus {
        let migrations = try source.load()
        let hasTable = try db.scalar(
            "SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = 'schema_migrations'",
            as: Int.self) ?? 0 > 0
        let applied = hasTable ? try appliedMigrations(db) : []
        let done = Set(applied.map(\.version))
        return MigrationStatus(applied: applied,
                               pending: migrations.filter { !done.contains($0.version) },
                               problems: problems(migrations: migrations, applied: applied))
    }

    static let createTable = """
        CREATE TABLE IF NOT EXISTS schema_migrations (
            version INTEGER PRIMARY KEY,
            name TEXT NOT NULL,
            checksum TEXT NOT NULL,
            applied_at TEXT NOT NULL
        )
        """

    private func appliedMigrations(_ db: Connection) throws -> [AppliedMigration] {
        try db.query("SELECT version, name, checksum, applied_at FROM schema_migrations ORDER BY version").map {
            AppliedMigration(version: try $0.int("version"), name: try $0.string("name"),
                             checksum: try $0.string("checksum"), appliedAt: try $0.string("applied_at"))
        }
    }

    private func problems(migrations: [Migration], applied: [AppliedMigration]) -> [MigrationError] {
        let byVersion = Dictionary(migrations.map { ($0.version, $0) }, uniquingKeysWith: { first, _ in first })
        var problems: [MigrationError] = applied.compactMap { record in
            guard let migration = byVersion[record.version], migration.name == record.name else {
                return MigrationError(.missingFile, migration: record.name,
                                      "migration \(record.name) was applied to this database but is missing from \(source.location); restore the file unchanged")
            }
            guard migration.checksum == record.checksum else {
                return MigrationError(.checksumMismatch, migration: record.name,
                                      "migration \(record.name) was changed after it was applied (checksum \(record.checksum.prefix(12))… recorded, \(migration.checksum.prefix(12))… now); restore the original and put new changes in a new migration")
            }
            return nil
        }
        let done = Set(applied.map(\.version))
        if let latest = applied.last {
            problems += migrations.filter { !done.contains($0.version) && $0.version < latest.version }.map {
                MigrationError(.outOfOrder, migration: $0.name,
                               "migration \($0.name) is numbered below \(latest.name), which is already applied; renumber it after \(latest.version)")
            }
        }
        return problems
    }

    /// Runs one script and records it in a single transaction. Foreign keys are switched off
    /// meanwhile (so table rebuilds work) and checked with `foreign_key_check` before the commit.
    private func apply(_ migration: Migration, to db: Connection) throws {
        let foreignKeys = try db.scalar("PRAGMA foreign_keys", as: Bool.self) ?? false
        if foreignKeys { try db.execute("PRAGMA foreign_keys = OFF") }
        defer { if foreignKeys { try? db.execute("PRAGMA foreign_keys = ON") } }
        do {
            try db.transaction(.immediate) { db in
                try db.executeScript(migration.sql)
                guard db.isInTransaction else {
                    throw MigrationError(.failed, migration: migration.name,
                                         "migration \(migration.name) ended the transaction itself; remove BEGIN/COMMIT from it")
                }
                try checkForeignKeys(db, migration)
                try db.execute(
                    "INSERT INTO schema_migrations(version, name, checksum, applied_at) VALUES (?, ?, ?, strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))",
                    [migration.version, migration.name, migration.checksum])
            }
        } catch let error as MigrationError {
            throw error
        } catch {
            throw MigrationError(.failed, migration: migration.name,
                                 "migration \(migration.name) failed and was rolled back, the database is unchanged: \(error)")
        }
    }

    private func checkForeignKeys(_ db: Connection, _ migration: Migration) throws {
        let violations = try db.foreignKeyViolations()
        guard violations.isEmpty else {
            let sample = violations.prefix(5).joined(separator: "; ")
            throw MigrationError(.foreignKeyViolation, migration: migration.name,
                                 "migration \(migration.name) leaves \(violations.count) foreign key violation(s) and was rolled back: \(sample)")
        }
    }
}
