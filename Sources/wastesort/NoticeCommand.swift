import ArgumentParser
import Foundation
import WasteAPI
import WasteDomain

/// `wastesort notice --period P [--kind K] --format F [--out FILE]`: renders a notice from the
/// database (the same content as `GET /v1/notices/preview`), for cron jobs.
struct NoticeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "notice", abstract: "Render the notice (通报) of a period to standard output or a file.",
        discussion: "cron runs jobs from the home directory: pass --db (or WASTESORT_DB) with an absolute path.")

    @OptionGroup var database: DatabaseOptions

    @Option(help: "The period: 2026-06 (monthly), 2026-Q2 (quarterly), 2026-H1 (semiannual).") var period: String
    @Option(help: "monthly, quarterly or semiannual (default: the one the period names).") var kind: String?
    @Option(help: "markdown, html, text, json or docx (Word; needs --out).") var format: String = "markdown"
    @Option(help: "Write to this file instead of standard output.") var out: String?

    func validate() throws {
        _ = try chosen()
        guard NoticeRendering.formats.contains(format) else {
            throw ValidationError("--format must be markdown, html, text, json or docx, not \(format)")
        }
        if format == "docx", out == nil {
            throw ValidationError("--format docx writes a binary file: give --out FILE")
        }
    }

    /// The period and the notice kind, inferred from the period when `--kind` is omitted.
    private func chosen() throws -> (NoticeContent.Kind, Period) {
        guard let parsed = Period(parsing: period) else {
            throw ValidationError("--period must be YYYY-MM, YYYY-Qn or YYYY-Hn, not \(period)")
        }
        guard let kind else {
            guard let inferred = NoticeContent.Kind.allCases.first(where: { $0.periodKind == parsed.kind }) else {
                throw ValidationError("no notice covers a \(parsed.kind.rawValue) (\(period)); pass --period as a month, quarter or half")
            }
            return (inferred, parsed)
        }
        guard let named = NoticeContent.Kind(rawValue: kind) else {
            throw ValidationError("--kind must be monthly, quarterly or semiannual, not \(kind)")
        }
        guard parsed.kind == named.periodKind else {
            throw ValidationError("a \(named.rawValue) notice covers a \(named.periodKind.rawValue), not \(period)")
        }
        return (named, parsed)
    }

    func run() throws {
        let (kind, period) = try chosen()
        try database.requireExisting()
        let (pool, _, _) = try database.openMigrated()
        defer { pool.close() }
        let rendered: [UInt8]
        do {
            rendered = try NoticeRendering.render(pool, kind: kind, period: period, format: format, now: AppClock.system.now())
        } catch {
            throw CommandFailure("cannot render the notice: \(error)")
        }
        guard let out else {
            FileHandle.standardOutput.write(Data(rendered))
            return
        }
        try Self.write(rendered, to: out)
    }

    /// Written beside the target, then renamed over it: a reader never sees half a file.
    private static func write(_ bytes: [UInt8], to out: String) throws {
        do {
            let temporary = out + ".tmp-\(getpid())"
            try Data(bytes).write(to: URL(fileURLWithPath: temporary))
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
