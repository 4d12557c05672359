import ArgumentParser
import Foundation
import Storage

/// `--db` and `--migrations`, shared by every command that opens the database.
struct DatabaseOptions: ParsableArguments {
    @Option(name: .long, help: "SQLite database file (WASTESORT_DB; default ./wastesort.db). Created if missing.")
    var db: String?

    @Option(name: .long, help: "Directory of NNNN_name.sql migrations (WASTESORT_MIGRATIONS; default: found next to the binary).")
    var migrations: String?

    @Option(name: .long, help: "SQLite synchronous mode: full or normal (WASTESORT_SYNCHRONOUS; default full).")
    var synchronous: String?

    var path: String { Environment.string(db, "WASTESORT_DB", default: "wastesort.db") }

    func synchronousMode() throws -> Connection.Synchronous {
        let text = Environment.string(synchronous, "WASTESORT_SYNCHRONOUS", default: "full").lowercased()
        switch text {
        case "full": return .full
        case "normal": return .normal
        default: throw ValidationError("synchronous must be full or normal, not \(text)")
        }
    }

    /// Opens the pool; a missing directory or unwritable file becomes a one-line error.
    func openPool(readers: Int = 4) throws -> DatabasePool {
        var configuration = DatabasePool.Configuration()
        configuration.readerCount = readers
        configuration.connection.synchronous = try synchronousMode()
        do {
            return try DatabasePool(path: path, configuration: configuration)
        } catch {
            throw CommandFailure("cannot open database \(path): \(error)")
        }
    }

    /// Opens the pool and applies pending migrations.
    func openMigrated() throws -> (DatabasePool, [Migration]) {
        let pool = try openPool()
        let source = try MigrationLocator.source(explicit: Environment.optionalString(migrations, "WASTESORT_MIGRATIONS"))
        do {
            let known = try source.load()
            _ = try pool.migrate(Migrator(source: source))
            return (pool, known)
        } catch {
            throw CommandFailure("cannot migrate \(path): \(error)")
        }
    }
}

/// A failure the user can act on: printed as one line, exit status 1.
struct CommandFailure: Error, CustomStringConvertible {
    let description: String
    init(_ message: String) { description = message }
}
