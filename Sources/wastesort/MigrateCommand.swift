import ArgumentParser

/// `wastesort migrate`: apply pending migrations and list what is applied.
struct MigrateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "migrate", abstract: "Apply pending database migrations.")

    @OptionGroup var database: DatabaseOptions

    func run() throws {
        let (pool, migrations) = try database.openMigrated()
        defer { pool.close() }
        for migration in migrations { printLine("applied \(migration.name)") }
        printLine("database \(database.path) is at migration \(migrations.last?.version ?? 0)")
    }
}
