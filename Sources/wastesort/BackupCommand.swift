import ArgumentParser
import Foundation

/// `wastesort backup --to FILE`: a consistent copy through SQLite's online backup API,
/// safe while a server is writing to the same database.
struct BackupCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "backup", abstract: "Copy the database to a file while it is in use.")

    @OptionGroup var database: DatabaseOptions

    @Option(help: "Destination file; must not exist yet.") var to: String

    func validate() throws {
        if FileManager.default.fileExists(atPath: to) {
            throw ValidationError("\(to) already exists; choose a new file")
        }
    }

    func run() throws {
        guard FileManager.default.fileExists(atPath: database.path) else {
            throw CommandFailure("database \(database.path) does not exist")
        }
        let pool = try database.openPool(readers: 1)
        defer { pool.close() }
        do {
            try pool.backup(to: to)
        } catch {
            try? FileManager.default.removeItem(atPath: to)
            throw CommandFailure("backup to \(to) failed: \(error)")
        }
        printLine("backed up \(database.path) to \(to)")
    }
}
