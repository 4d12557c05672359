import ArgumentParser
import Storage

/// `wastesort migrate`: apply pending migrations and say what changed.
struct MigrateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "migrate", abstract: "Apply pending database migrations.")

    @OptionGroup var database: DatabaseOptions

    func run() throws {
        let (pool, known, applied) = try database.openMigrated()
        defer { pool.close() }
        for migration in applied { printLine("applied \(migration.name)") }
        if applied.isEmpty { printLine("nothing to apply") }
        // The same count /readyz reports as "migrations": rows of schema_migrations.
        let count = (try? pool.read { try $0.scalar("SELECT count(*) FROM schema_migrations", as: Int.self) }) ?? nil
        printLine("database \(database.path) is at migration \(known.last?.version ?? 0) (\(count ?? applied.count) migrations applied)")
    }
}
