import Foundation
import Testing
import ZipArchive

/// The .docx as office software and operators meet it: LibreOffice converts it to PDF (where it is
/// installed: `scripts/setup --office`), and the command line writes it to a file.
@Suite struct NoticeOfficeTests {
    private typealias Support = NoticeDocumentSupport

    private func scratch() throws -> URL {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("wastesort-office-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        return directory
    }

    private func pageTexts(_ pdf: URL, pages: Int, in directory: URL) throws -> [String] {
        try (1...pages).map { page in
            let out = directory.appendingPathComponent("page\(page).txt")
            guard try Support.run("pdftotext", ["-f", "\(page)", "-l", "\(page)", "-layout", pdf.path, out.path], timeout: 30) == 0 else {
                return ""
            }
            return (try? String(contentsOf: out, encoding: .utf8)) ?? ""
        }
    }

    @Test(.enabled(if: NoticeDocumentSupport.which("soffice") != nil, "LibreOffice is not installed (scripts/setup --office)"))
    func libreOfficeConvertsTheNoticeToAnA4PDFThatFollowsTheStandard() throws {
        let app = try Support.demoDistrict()
        _ = try app.client.put("/v1/settings", json: ["notice_cc": "区委办公室，区政府办公室"], token: app.adminToken)
        let docx = try app.client.get(Support.q3 + "&format=docx", token: app.adminToken)
        let directory = try scratch()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("notice.docx")
        try Data(docx.body).write(to: file)
        // its own profile, so a test never touches (or waits on) a user's LibreOffice
        let status = try Support.run("soffice", ["-env:UserInstallation=file://\(directory.path)/profile", "--headless", "--norestore",
                                                 "--convert-to", "pdf", "--outdir", directory.path, file.path], timeout: 180)
        #expect(status == 0)
        let pdf = directory.appendingPathComponent("notice.pdf")
        let bytes = try Data(contentsOf: pdf)
        #expect(bytes.starts(with: Array("%PDF".utf8)))

        guard Support.which("pdfinfo") != nil, Support.which("pdftotext") != nil else { return }
        let info = directory.appendingPathComponent("info.txt")
        _ = try Support.run("sh", ["-c", "pdfinfo '\(pdf.path)' > '\(info.path)'"], timeout: 30)
        let summary = try String(contentsOf: info, encoding: .utf8)
        #expect(summary.contains("Page size:       595.") && summary.contains("x 841.")) // A4 in points
        let pages = try #require(summary.split(separator: "\n").first { $0.hasPrefix("Pages:") }
            .flatMap { Int($0.split(separator: " ").last ?? "") })
        #expect(pages >= 4)
        let texts = try pageTexts(pdf, pages: pages, in: directory)
        let mark = "尖山区党政机关等公共机构生活垃圾分类工作领导小组办公室文件"
        // the mark on one line of the first page
        #expect(texts[0].split(separator: "\n").contains { $0.replacingOccurrences(of: " ", with: "").contains(mark) })
        // page numbers "— n —" on every page
        for (index, text) in texts.enumerated() {
            #expect(text.replacingOccurrences(of: " ", with: "").contains("—\(index + 1)—"), "page \(index + 1) has no number")
        }
        // each attachment opens a page; the 版记 closes the last one
        let firstLines = texts.map { $0.split(separator: "\n").first { !$0.trimmingCharacters(in: .whitespaces).isEmpty }?
            .replacingOccurrences(of: " ", with: "") ?? "" }
        #expect(firstLines.filter { $0 == "附件1" }.count == 1)
        #expect(firstLines.filter { $0 == "附件2" }.count == 1)
        let last = texts[pages - 1].replacingOccurrences(of: " ", with: "")
        #expect(last.contains("抄送：区委办公室，区政府办公室。"))
        #expect(last.contains("印发"))
    }

    @Test func theCommandLineWritesTheWordFile() throws {
        let app = try Support.demoDistrict()
        let directory = try scratch()
        defer { try? FileManager.default.removeItem(at: directory) }
        let out = directory.appendingPathComponent("q3.docx")
        let binary = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("wastesort")
        let database = app.directory.appendingPathComponent("test.db").path
        let process = Process()
        process.executableURL = binary
        process.arguments = ["notice", "--db", database, "--period", "2026-Q3", "--kind", "quarterly", "--format", "docx", "--out", out.path]
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        let reader = try ZipReader(Array(try Data(contentsOf: out)))
        #expect(reader.contains("word/document.xml") && reader.contains("word/footer2.xml"))

        let refused = Process()
        refused.executableURL = binary
        refused.arguments = ["notice", "--db", database, "--period", "2026-Q3", "--kind", "quarterly", "--format", "docx"]
        refused.standardError = FileHandle.nullDevice
        refused.standardOutput = FileHandle.nullDevice
        try refused.run()
        refused.waitUntilExit()
        #expect(refused.terminationStatus != 0)   // a binary file never goes to a terminal
    }
}
