import ArgumentParser
import BlobStore

/// `wastesort check`: SQLite's integrity check, then every evidence file re-hashed; non-zero
/// exit when the database is damaged or a file is missing or altered. Files no row names
/// (an upload cut off by a crash between its file and its row) are reported, not an error.
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
        let report = AttachmentFiles.check(try AttachmentFiles.referencedHashes(pool), store: BlobStore(root: database.attachmentsPath))
        for hash in report.orphans { printLine("orphan: \(database.attachmentsPath)/\(hash.prefix(2))/\(hash) is named by no attachment") }
        if report.temporaries > 0 { printLine("note: \(report.temporaries) unfinished uploads in \(database.attachmentsPath)/tmp") }
        for hash in report.missing { printLine("missing: attachment file \(hash)") }
        for hash in report.corrupt { printLine("corrupt: attachment file \(hash) no longer has its hash") }
        guard report.missing.isEmpty && report.corrupt.isEmpty else {
            throw CommandFailure("\(report.missing.count) attachment files missing, \(report.corrupt.count) corrupt")
        }
        printLine("ok: \(report.verified) attachment files verified, \(report.orphans.count) orphans")
    }
}
