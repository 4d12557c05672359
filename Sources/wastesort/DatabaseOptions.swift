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

    @Option(name: .long, help: "Directory of evidence files (WASTESORT_ATTACHMENTS; default: <db>.attachments beside the database).")
    var attachments: String?

    var path: String { Environment.string(db, "WASTESORT_DB", default: "wastesort.db") }

    /// Where uploaded evidence is kept: beside the database unless told otherwise.
    var attachmentsPath: String { Environment.string(attachments, "WASTESORT_ATTACHMENTS", default: path + ".attachments") }

    func synchronousMode() throws -> Connection.Synchronous {
        let text = Environment.string(synchronous, "WASTESORT_SYNCHRONOUS", default: "full").lowercased()
        switch text {
        case "full": return .full
        case "normal": return .normal
        default: throw ValidationError("\(Environment.source("WASTESORT_SYNCHRONOUS")) must be full or normal, not \(text)")
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

    /// Commands that read an existing district (check, backup, notice) must not create an
    /// empty database and then report on it.
    func requireExisting() throws {
        guard FileManager.default.fileExists(atPath: path) else {
            throw CommandFailure("database \(path) does not exist (set --db / WASTESORT_DB)")
        }
    }

    /// Opens the pool and applies pending migrations: every known one, and those applied now.
    /// The migrations are found and read first, so a wrong `--migrations` creates no file.
    func openMigrated() throws -> (pool: DatabasePool, known: [Migration], applied: [Migration]) {
        let source = try MigrationLocator.source(explicit: Environment.optionalString(migrations, "WASTESORT_MIGRATIONS"))
        let known: [Migration]
        do {
            known = try source.load()
        } catch {
            throw CommandFailure("cannot read the migrations: \(error)")
        }
        let pool = try openPool()
        do {
            let applied = try pool.migrate(Migrator(source: source))
            return (pool, known, applied)
        } catch {
            pool.close()
            throw CommandFailure("cannot migrate \(path): \(error)")
        }
    }
}

/// A failure the user can act on: printed as one line, exit status 1.
struct CommandFailure: Error, CustomStringConvertible {
    let description: String
    init(_ message: String) { description = message }
}
