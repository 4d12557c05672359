import ArgumentParser
import Foundation
import WasteAPI
import WasteDomain

/// `wastesort notice --period P --kind K --format F`: renders a notice from the database
/// (the same content as `GET /v1/notices/preview`), for cron jobs.
struct NoticeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "notice",
                                                    abstract: "Render the notice (通报) of a period to standard output.")

    @OptionGroup var database: DatabaseOptions

    @Option(help: "The period: 2026-06 (monthly), 2026-Q2 (quarterly), 2026-H1 (semiannual).") var period: String
    @Option(help: "monthly, quarterly or semiannual.") var kind: String
    @Option(help: "markdown, html, text or json.") var format: String = "markdown"

    func validate() throws {
        guard let kind = NoticeContent.Kind(rawValue: kind) else {
            throw ValidationError("--kind must be monthly, quarterly or semiannual, not \(kind)")
        }
        guard let period = Period(parsing: period) else {
            throw ValidationError("--period must be YYYY-MM, YYYY-Qn or YYYY-Hn, not \(period)")
        }
        guard period.kind == kind.periodKind else {
            throw ValidationError("a \(kind.rawValue) notice covers a \(kind.periodKind.rawValue), not \(period)")
        }
        guard ["markdown", "html", "text", "json"].contains(format) else {
            throw ValidationError("--format must be markdown, html, text or json, not \(format)")
        }
    }

    func run() throws {
        guard FileManager.default.fileExists(atPath: database.path) else {
            throw CommandFailure("database \(database.path) does not exist")
        }
        let (pool, _) = try database.openMigrated()
        defer { pool.close() }
        let rendered: String
        do {
            rendered = try NoticeRendering.render(pool, kind: NoticeContent.Kind(rawValue: kind)!, period: Period(parsing: period)!,
                                                  format: format, now: AppClock.system.now())
        } catch {
            throw CommandFailure("cannot render the notice: \(error)")
        }
        FileHandle.standardOutput.write(Data(rendered.utf8))
    }
}
