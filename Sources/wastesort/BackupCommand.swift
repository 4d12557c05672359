import ArgumentParser
import BlobStore
import Foundation
import Storage

/// `wastesort backup --to FILE`: a consistent copy through SQLite's online backup API,
/// safe while a server is writing to the same database, then the evidence files the copy names
/// into `FILE.attachments` (files are never changed once stored, so copying after is consistent).
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
        try database.requireExisting()
        let pool = try database.openPool(readers: 1)
        defer { pool.close() }
        let progress = TerminalProgress("backing up \(database.path)")
        var options = BackupOptions()
        options.progress = { copied, total in if total > 0 { progress.update(Double(copied) / Double(total)) } }
        do {
            try pool.backup(to: to, options: options)
            progress.finish()
        } catch {
            progress.finish()
            try? FileManager.default.removeItem(atPath: to)
            throw CommandFailure("backup to \(to) failed: \(error)")
        }
        let copy = try DatabasePool(path: to, configuration: { var c = DatabasePool.Configuration(); c.readerCount = 1; return c }())
        let hashes = try AttachmentFiles.referencedHashes(copy)
        copy.close()
        let (copied, missing) = try AttachmentFiles.copy(hashes, from: BlobStore(root: database.attachmentsPath), to: to + ".attachments")
        guard missing.isEmpty else {
            throw CommandFailure("backup to \(to): \(missing.count) attachment files are missing from \(database.attachmentsPath) "
                                 + "(first \(missing[0])); run wastesort check")
        }
        printLine("backed up \(database.path) to \(to), with \(copied) attachment files in \(to).attachments")
    }
}
