import Foundation
import Testing
import JSON
import WasteAPI
import DemoData
import WasteDomain
import ZipArchive

/// The demo district's Q3 2026 notice (the one issue 16 was read from), and helpers to read it
/// back from a .docx.
enum NoticeDocumentSupport {
    static let now = Timestamp(parsing: "2026-11-20T02:00:00Z")!
    static let q3 = "/v1/notices/preview?period=2026-Q3&kind=quarterly"

    static func demoDistrict() throws -> TestApp {
        let app = try TestApp()
        app.clock.set(now)
        var options = DemoOptions(passwordIterations: 1000)
        options.seed = 2026
        _ = try DemoDistrict.fill(app.pool, options: options, today: CalendarDate(year: 2026, month: 11, day: 20)!)
        return app
    }

    /// Every part of the package, as text.
    static func parts(_ docx: [UInt8]) throws -> [String: String] {
        let reader = try ZipReader(docx)
        var parts: [String: String] = [:]
        for entry in reader.entries { parts[entry.name] = String(decoding: try reader.read(entry), as: UTF8.self) }
        return parts
    }

    /// The document's text, one line per paragraph (what a reader sees, without markup).
    static func paragraphs(_ xml: String) -> [String] {
        xml.components(separatedBy: "</w:p>").map { paragraph in
            var text = ""
            var rest = Substring(paragraph)
            while let start = rest.range(of: "<w:t(>| [^>]*>)", options: .regularExpression) {
                let open = rest.index(before: start.upperBound)
                guard let close = rest[open...].range(of: "</w:t>") else { break }
                text += rest[rest.index(after: open)..<close.lowerBound]
                rest = rest[close.upperBound...]
            }
            return text.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
                .replacingOccurrences(of: "&amp;", with: "&")
        }.filter { !$0.isEmpty }
    }

    static func count(_ needle: String, in haystack: String) -> Int {
        haystack.components(separatedBy: needle).count - 1
    }

    /// Runs `executable` with `arguments`, killing it after `timeout`; nil when it is not installed.
    static func run(_ executable: String, _ arguments: [String], timeout: TimeInterval) throws -> Int32? {
        guard let path = which(executable) else { return nil }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning, Date() < deadline { usleep(100_000) }
        if process.isRunning { process.terminate(); process.waitUntilExit(); return -1 }
        return process.terminationStatus
    }

    static func which(_ executable: String) -> String? {
        for directory in (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":") {
            let path = "\(directory)/\(executable)"
            if FileManager.default.isExecutableFile(atPath: path) { return path }
        }
        return nil
    }
}
