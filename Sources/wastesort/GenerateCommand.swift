import ArgumentParser
import Foundation
import Hashing
import Storage
import DemoData
import WasteAPI
import WasteDomain

/// `wastesort generate`: fills an empty database with a large generated district, the one the
/// benchmarks run on (5,000 institutions over 24 months), and says how long it took.
struct GenerateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate",
        abstract: "Fill a database without institutions with a generated district (for benchmarks).",
        discussion: """
            Creates the user admin first (password from WASTESORT_ADMIN_PASSWORD, or a one-time password printed once), \
            then the demo users inspector, viewer, clerk1 and clerk2 with the password demo-password.
            """)

    @OptionGroup var database: DatabaseOptions

    @Option(help: "Institutions to generate.") var institutions = 5000
    @Option(help: "Complete months of data before the current month.") var months = 24
    @Option(help: "Seed of the generator: the same seed gives the same district.") var seed: UInt64 = 2026
    @Option(name: .customLong("password-iterations"),
            help: "PBKDF2 iterations of the demo users' passwords (default: the server's).")
    var passwordIterations = PasswordHasher.defaultIterations

    func validate() throws {
        guard (1...100_000).contains(institutions) else { throw ValidationError("--institutions must be from 1 to 100000") }
        guard (0...120).contains(months) else { throw ValidationError("--months must be from 0 to 120") }
        guard (1...PasswordHasher.maxIterations).contains(passwordIterations) else {
            throw ValidationError("--password-iterations must be from 1 to \(PasswordHasher.maxIterations)")
        }
    }

    func run() throws {
        let (pool, _, _) = try database.openMigrated()
        defer { pool.close() }
        // The admin comes first: `serve` creates it only in a database without users.
        try ServeCommand.bootstrapAdmin(pool)
        let options = DemoOptions(institutions: institutions, months: months, seed: seed, passwordIterations: passwordIterations)
        let start = ContinuousClock.now
        let summary: DemoSummary
        let progress = TerminalProgress("generating \(institutions) institutions over \(months) months")
        do {
            summary = try DemoDistrict.fill(pool, options: options, today: DemoDistrict.today(pool, now: AppClock.system.now()))
            progress.finish()
        } catch {
            progress.finish()
            throw CommandFailure("cannot generate the district in \(database.path): \(error)")
        }
        let elapsed = ContinuousClock.now - start
        guard summary.filled else {
            throw CommandFailure("\(database.path) already has institutions; generate fills only an empty district")
        }
        DemoReport.lines(summary).forEach(printLine)
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        printLine("generated in \(String(format: "%.2f", seconds)) s")
    }
}

/// What a demo fill created, as printed by `generate` and `serve --demo`.
enum DemoReport {
    static func lines(_ summary: DemoSummary) -> [String] {
        var lines = ["created " + summary.counts.map { "\($0.rows) \($0.table)" }.joined(separator: ", ")]
        lines.append("logins: \(summary.usernames.joined(separator: ", ")) (password \(DemoDistrict.password))")
        if let token = summary.viewerToken {
            lines.append("dashboard viewer token (shown only now): \(token)")
        }
        return lines
    }
}
