import ArgumentParser
import Foundation
import WasteAPI
import WasteDomain

/// `wastesort notice --period P --kind K --format F [--out FILE]`: renders a notice from the
/// database (the same content as `GET /v1/notices/preview`), for cron jobs.
struct NoticeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "notice",
                                                    abstract: "Render the notice (通报) of a period to standard output or a file.")

    @OptionGroup var database: DatabaseOptions

    @Option(help: "The period: 2026-06 (monthly), 2026-Q2 (quarterly), 2026-H1 (semiannual).") var period: String
    @Option(help: "monthly, quarterly or semiannual.") var kind: String
    @Option(help: "markdown, html, text, json or docx (Word; needs --out).") var format: String = "markdown"
    @Option(help: "Write to this file instead of standard output.") var out: String?

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
        guard NoticeRendering.formats.contains(format) else {
            throw ValidationError("--format must be markdown, html, text, json or docx, not \(format)")
        }
        if format == "docx", out == nil {
            throw ValidationError("--format docx writes a binary file: give --out FILE")
        }
    }

    func run() throws {
        guard FileManager.default.fileExists(atPath: database.path) else {
            throw CommandFailure("database \(database.path) does not exist")
        }
        let (pool, _) = try database.openMigrated()
        defer { pool.close() }
        let rendered: [UInt8]
        do {
            rendered = try NoticeRendering.render(pool, kind: NoticeContent.Kind(rawValue: kind)!, period: Period(parsing: period)!,
                                                  format: format, now: AppClock.system.now())
        } catch {
            throw CommandFailure("cannot render the notice: \(error)")
        }
        guard let out else {
            FileHandle.standardOutput.write(Data(rendered))
            return
        }
        do {
            // written beside the target, then renamed over it: a reader never sees half a file
            let temporary = out + ".tmp-\(getpid())"
            try Data(rendered).write(to: URL(fileURLWithPath: temporary))
            if rename(temporary, out) != 0 {
                let reason = String(cString: strerror(errno))
                unlink(temporary)
                throw CommandFailure("cannot write \(out): \(reason)")
            }
        } catch let failure as CommandFailure {
            throw failure
        } catch {
            throw CommandFailure("cannot write \(out): \(error.localizedDescription)")
        }
    }
}
