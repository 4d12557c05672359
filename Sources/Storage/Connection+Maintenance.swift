import CSQLite
import Foundation

/// How an online backup proceeds.
public struct BackupOptions: Sendable {
    /// Pages copied per step; between steps the source lock is released.
    public var pagesPerStep: Int32 = 512
    /// Pause between steps so other work on the machine (and, outside WAL, writers) gets a turn.
    public var pauseBetweenSteps: Duration = .milliseconds(1)
    /// Told (pages copied, pages in all) after each step, for a progress line on a terminal.
    public var progress: (@Sendable (_ copied: Int, _ total: Int) -> Void)?

    public init() {}
}

extension Connection {
    /// Copies the database to `destination` with SQLite's online backup API.
    ///
    /// The copy is written beside the destination under a temporary name and renamed into place
    /// only when complete, so a failed backup never leaves a truncated file under the real name.
    /// Run it inside a read transaction (``DatabasePool/backup(to:options:)`` does) to copy one
    /// consistent snapshot without restarting when writers commit meanwhile.
    public func backup(to destination: String, options: BackupOptions = BackupOptions()) throws {
        let source = try liveHandle()
        try Self.checkLocation(destination, readOnly: false)
        let partial = destination + ".partial-\(ProcessInfo.processInfo.processIdentifier)"
        try? FileManager.default.removeItem(atPath: partial)
        do {
            try Self.copy(from: source, toFile: partial, options: options)
            try Self.replace(destination, with: partial)
        } catch {
            try? FileManager.default.removeItem(atPath: partial)
            throw error
        }
    }

    private static func copy(from source: OpaquePointer, toFile path: String, options: BackupOptions) throws {
        var destinationOptions = Connection.Options()
        destinationOptions.walMode = false
        let destination = try Connection(path: path, options: destinationOptions)
        defer { destination.close() }
        let target = try destination.liveHandle()
        guard let backup = sqlite3_backup_init(target, "main", source, "main") else {
            throw DatabaseError(connection: target, code: sqlite3_errcode(target))
        }
        var code: Int32 = SQLITE_OK
        while code == SQLITE_OK || code == SQLITE_BUSY || code == SQLITE_LOCKED {
            code = sqlite3_backup_step(backup, options.pagesPerStep)
            if let progress = options.progress {
                let total = Int(sqlite3_backup_pagecount(backup))
                progress(total - Int(sqlite3_backup_remaining(backup)), total)
            }
            if code != SQLITE_DONE { Thread.sleep(forTimeInterval: options.pauseBetweenSteps.seconds) }
        }
        let finish = sqlite3_backup_finish(backup)
        guard code == SQLITE_DONE else { throw DatabaseError(connection: target, code: code) }
        guard finish == SQLITE_OK else { throw DatabaseError(connection: target, code: finish) }
    }

    /// Atomically moves `partial` onto `destination` (rename within one directory).
    private static func replace(_ destination: String, with partial: String) throws {
        guard rename(partial, destination) == 0 else {
            let reason = String(cString: strerror(errno))
            throw DatabaseError(code: SQLITE_IOERR, message: "cannot move backup into place at \(destination): \(reason)")
        }
    }

    /// `PRAGMA integrity_check`: `["ok"]` when the file is sound, otherwise SQLite's findings.
    public func integrityCheck() throws -> [String] {
        try query("PRAGMA integrity_check").compactMap { row in
            if case .text(let line) = row[0] { return line }
            return nil
        }
    }

    /// Rows violating a foreign key, as "table rowid → parent" lines; empty when all hold.
    public func foreignKeyViolations() throws -> [String] {
        try query("PRAGMA foreign_key_check").map { row in
            let table = (try? row.string("table")) ?? "?"
            let rowid = (try? row.optionalInt64("rowid")).flatMap { $0 }.map(String.init) ?? "?"
            let parent = (try? row.string("parent")) ?? "?"
            return "\(table) row \(rowid) references missing \(parent)"
        }
    }

    /// `PRAGMA user_version`: a free integer in the file header.
    public func userVersion() throws -> Int {
        try scalar("PRAGMA user_version", as: Int.self) ?? 0
    }

    /// Sets `PRAGMA user_version`.
    public func setUserVersion(_ version: Int) throws {
        try execute("PRAGMA user_version = \(version)")
    }

    /// Copies the WAL into the database file and truncates it (e.g. before shutdown or backup).
    public func checkpoint() throws {
        try execute("PRAGMA wal_checkpoint(TRUNCATE)")
    }
}

extension Duration {
    /// The duration in seconds as a `Double`.
    var seconds: Double {
        let parts = components
        return Double(parts.seconds) + Double(parts.attoseconds) / 1e18
    }
}
