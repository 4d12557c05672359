import ArgumentParser
import Foundation
import WasteAPI

/// `wastesort import institutions FILE.csv`: the same importer as `POST /v1/institutions/import`.
struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "import", abstract: "Import data from CSV or xlsx files.",
                                                    subcommands: [ImportInstitutionsCommand.self])
}

/// Creates or updates institutions by code from a CSV file, all rows or none.
struct ImportInstitutionsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "institutions",
        abstract: "Create or update institutions from a CSV or xlsx file (the columns of the export, English or Chinese headers), all rows or none.")

    @Argument(help: "The CSV (UTF-8) or xlsx file; the header row names the columns.")
    var file: String

    @Option(name: .customLong("max-rows"), help: "Data rows the file may hold (default 10000).")
    var maxRows = InstitutionImport.defaultMaxRows

    @OptionGroup var database: DatabaseOptions

    /// Problems printed before the one-line failure; the rest are counted.
    static let shownProblems = 20

    func run() throws {
        let bytes: [UInt8]
        do {
            bytes = Array(try Data(contentsOf: URL(fileURLWithPath: file)))
        } catch {
            throw CommandFailure("cannot read \(file): \(error.localizedDescription)")
        }
        let (pool, _, _) = try database.openMigrated()
        defer { pool.close() }
        let actor = InstitutionImport.Actor(userID: nil, username: "cli:\(ProcessInfo.processInfo.userName)")
        let progress = TerminalProgress("importing \(file)")
        defer { progress.finish() }
        do {
            let summary = try InstitutionImport.run(csv: bytes, database: pool, actor: actor, now: AppClock.system.now(),
                                                    maxRows: maxRows)
            progress.finish()
            printLine("imported \(file): \(summary.created) created, \(summary.updated) updated, \(summary.unchanged) unchanged")
        } catch let failure as InstitutionImport.Failure {
            for message in failure.messages.prefix(Self.shownProblems) { printError("\(file): \(message)") }
            if failure.messages.count > Self.shownProblems {
                printError("\(file): … and \(failure.messages.count - Self.shownProblems) more")
            }
            throw CommandFailure("\(file): \(failure.detail)")
        } catch {
            throw CommandFailure("cannot import \(file) into \(database.path): \(error)")
        }
    }

    private func printError(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }
}
