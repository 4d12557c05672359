import Foundation
import Spreadsheet
import Testing

/// A real office suite reads what the server writes, and the server reads what it writes.
/// Runs only where LibreOffice (`soffice`) is installed (`apt-get install libreoffice-calc-nogui`).
@Suite(.enabled(if: LibreOffice.path != nil, "soffice is not installed"), .serialized)
struct LibreOfficeInteropTests {
    @Test func libreOfficeOpensTheServersXlsxWithChineseTextAndDatesIntact() throws {
        let f = try LedgerFixture()
        try f.post(f.alpha, LedgerFixture.batch([LedgerFixture.entry("2026-11-02", "餐厨垃圾", "12.345", [("subcategory", "restaurant_food"), ("note", "食堂 \"午餐\", 二楼")])]))
        let export = try f.client.get(f.entriesPath(f.alpha) + "?format=xlsx&headers=zh", token: f.admin)
        let csv = try LibreOffice.convert(export.body, from: "xlsx", to: "csv:Text - txt - csv (StarCalc):44,34,76,1")
        let text = String(decoding: csv, as: UTF8.self)
        #expect(text.hasPrefix("\"编号\",\"单位编号\",\"日期\",\"类别\""), "\(text.prefix(200))")
        #expect(text.contains(",2026-11-02,\"厨余垃圾\",\"餐厨\",12.345,\"是\",\"收集\","), "\(text)")
        #expect(text.contains("\"食堂 \"\"午餐\"\", 二楼\""))
    }

    @Test func anXlsxSavedByLibreOfficeImportsIntoTheServer() throws {
        let app = try TestApp()
        let csv = "单位编码,单位名称,单位类型,人数,方案报送日期\r\nL1,尖山区人民政府,党政机关,120,2026-11-04\r\n"
        // UTF-8 stated explicitly: LibreOffice's CSV import takes the system's 8-bit charset otherwise
        let xlsx = try LibreOffice.convert(Array(csv.utf8), from: "csv", to: "xlsx", inputFilter: "CSV:44,34,76,1")
        let response = try app.client.request("POST", "/v1/institutions/import", token: app.adminToken, body: xlsx,
                                              contentType: XLSXFile.mediaType)
        #expect(response.status == 200, "\(response.text)")
        let stored = try app.rows("SELECT name, kind, headcount, plan_submitted_on FROM institutions")
        #expect(stored.first == ["name": "尖山区人民政府", "kind": "party_government_organ", "headcount": "120",
                                 "plan_submitted_on": "2026-11-04"])
    }
}

enum LibreOffice {
    static let path: String? = ["/usr/bin/soffice", "/usr/local/bin/soffice", "/usr/lib/libreoffice/program/soffice"]
        .first { FileManager.default.isExecutableFile(atPath: $0) }

    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    /// Converts `bytes` with `soffice --headless --convert-to` in a temporary directory (its own
    /// profile, so parallel runs do not share one).
    static func convert(_ bytes: [UInt8], from inputExtension: String, to target: String, inputFilter: String? = nil) throws -> [UInt8] {
        guard let path else { throw Failure(description: "soffice is not installed") }
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("wastesort-lo-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let input = directory.appendingPathComponent("input.\(inputExtension)")
        try Data(bytes).write(to: input)
        let output = directory.appendingPathComponent("out")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        var arguments = ["-env:UserInstallation=file://\(directory.path)/profile", "--headless"]
        if let inputFilter { arguments.append("--infilter=\(inputFilter)") }
        arguments += ["--convert-to", target, "--outdir", output.path, input.path]
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        // A LibreOffice that hangs (a stuck profile, a dialog) must fail the test, not stall the run.
        let deadline = Date().addingTimeInterval(180)
        while process.isRunning, Date() < deadline { usleep(100_000) }
        if process.isRunning {
            process.terminate()
            process.waitUntilExit()
            throw Failure(description: "soffice did not finish converting to \(target) within 180 s")
        }
        let produced = (try? FileManager.default.contentsOfDirectory(atPath: output.path)) ?? []
        guard process.terminationStatus == 0, let name = produced.first else {
            throw Failure(description: "soffice exited \(process.terminationStatus) without output for \(target)")
        }
        return Array(try Data(contentsOf: output.appendingPathComponent(name)))
    }
}
