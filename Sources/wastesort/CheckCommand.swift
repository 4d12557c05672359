import ArgumentParser

/// `wastesort check`: SQLite's integrity check; non-zero exit when the file is damaged.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "check", abstract: "Check the database file's integrity.")

    @OptionGroup var database: DatabaseOptions

    func run() throws {
        try database.requireExisting()
        let pool = try database.openPool(readers: 1)
        defer { pool.close() }
        let problems: [String]
        do {
            problems = try pool.integrityCheck()
        } catch {
            throw CommandFailure("cannot check \(database.path): \(error)")
        }
        guard problems == ["ok"] else {
            throw CommandFailure("integrity check of \(database.path) failed: \(problems.prefix(5).joined(separator: "; "))")
        }
        printLine("ok: \(database.path) passed the integrity check")
    }
}
