import ArgumentParser
import Foundation
import WasteAPI

/// `wastesort remind --dry-run`: what the reminder scheduler would queue now and to whom, and
/// the deliveries already waiting, without storing or sending anything.
struct RemindCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "remind",
                                                    abstract: "Show the reminders (催报, 督办) that would be sent now.")

    @OptionGroup var database: DatabaseOptions

    @Flag(name: .customLong("dry-run"), help: "Print what would be sent; store and send nothing (required).") var dryRun = false

    func validate() throws {
        guard dryRun else {
            throw ValidationError("only --dry-run is supported: the running server sends reminders itself (POST /v1/reminders/run)")
        }
    }

    func run() throws {
        guard FileManager.default.fileExists(atPath: database.path) else {
            throw CommandFailure("database \(database.path) does not exist")
        }
        let (pool, _, _) = try database.openMigrated()
        defer { pool.close() }
        let lines: [String]
        do {
            lines = try ReminderDryRun.lines(pool, now: AppClock.system.now())
        } catch {
            throw CommandFailure("cannot work out the reminders: \(error)")
        }
        lines.forEach { printLine($0) }
    }
}
