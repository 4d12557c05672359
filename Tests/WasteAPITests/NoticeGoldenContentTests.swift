import Foundation
import Testing

/// The demo district's Q3 notice in every format: the same numbering, units, dates and terms
/// (issue 16), read the way a reader sees each format.
@Suite struct NoticeGoldenContentTests {
    private typealias Support = NoticeDocumentSupport

    /// The notice's visible text in each format: Markdown and text as they are, HTML without its
    /// style and tags, the Word document's paragraphs.
    private func everyFormat() throws -> [(String, String)] {
        let app = try Support.demoDistrict()
        var texts: [(String, String)] = []
        for format in ["markdown", "text", "html"] {
            let response = try app.client.get(Support.q3 + "&format=\(format)", token: app.adminToken)
            #expect(response.status == 200)
            var text = response.text
            if format == "html" {
                text = text.replacingOccurrences(of: "<style>[\\s\\S]*</style>", with: "", options: .regularExpression)
                    .replacingOccurrences(of: "<[^>]+>", with: "\n", options: .regularExpression)
            }
            if format == "markdown" { text = text.replacingOccurrences(of: "\\", with: "") }
            texts.append((format, text))
        }
        let docx = try app.client.get(Support.q3 + "&format=docx", token: app.adminToken)
        let document = try #require(try Support.parts(docx.body)["word/document.xml"])
        texts.append(("docx", Support.paragraphs(document).joined(separator: "\n")))
        return texts
    }

    private func matches(_ pattern: String, _ text: String) -> [String] {
        guard let regex = try? NSRegularExpression(pattern: pattern) else { return [] }
        return regex.matches(in: text, range: NSRange(text.startIndex..., in: text)).compactMap {
            Range($0.range, in: text).map { String(text[$0]) }
        }
    }

    @Test func headingsAreNumberedTheSameWayInEveryFormat() throws {
        for (format, text) in try everyFormat() {
            let headings = matches("(?m)^[#* 　]*(一|二|三|四)、[^\\n。]{2,12}$", text)
                .map { $0.trimmingCharacters(in: CharacterSet(charactersIn: "#* 　")) }
            #expect(headings == ["一、总体情况", "二、表扬单位", "三、存在问题及通报批评单位", "四、整改要求"], "\(format)")
            let second = matches("（[一二三四]）[^\\n（]{2,10}?(?=\\n|$|。)", text).map { $0.prefix(3) }
            #expect(second == ["（一）", "（二）", "（一）", "（二）", "（三）", "（四）"], "\(format): \(second)")
            let body = text.components(separatedBy: "附件：").first ?? text
            let third = matches("(?m)^[　 ]*[0-9]+\\.", body).map { $0.trimmingCharacters(in: CharacterSet(charactersIn: "　 .")) }
            // 1. 2. 3. … restarting under each （…）, never skipping
            var expected = 1
            for number in third.compactMap(Int.init) {
                if number == 1 { expected = 1 }
                #expect(number == expected, "\(format) numbers \(number) after \(expected - 1)")
                expected = number + 1
            }
            #expect(!third.isEmpty, "\(format)")
        }
    }

    @Test func unitsDatesAndTermsFollowTheStandardInEveryFormat() throws {
        for (format, text) in try everyFormat() {
            #expect(!text.contains("台帐"), "\(format)")
            #expect(text.contains("台账"), "\(format)")
            // weights: 吨 with two decimals, 公斤 with one, never raw kilograms with three
            #expect(!matches("[0-9]+\\.[0-9]{2}吨", text).isEmpty, "\(format)")
            #expect(matches("[0-9.]+公斤", text).allSatisfy { $0.range(of: "^[0-9]+\\.[0-9]公斤$", options: .regularExpression) != nil },
                    "\(format): \(matches("[0-9.]+公斤", text))")
            #expect(matches("[0-9.]+吨", text).allSatisfy { $0.range(of: "^[0-9]+\\.[0-9]{2}吨$", options: .regularExpression) != nil },
                    "\(format): \(matches("[0-9.]+吨", text))")
            #expect(matches("[0-9]+\\.[0-9]{3}", text).isEmpty, "\(format) has a three-decimal figure")
            // dates the Chinese way; no ISO date in official text
            #expect(matches("20[0-9]{2}-[0-9]{2}-[0-9]{2}", text).isEmpty, "\(format) has an ISO date")
            #expect(!matches("2026年[0-9]{1,2}月[0-9]{1,2}日", text).isEmpty, "\(format)")
            // rubric items by title: no A1…D9 codes
            #expect(matches("(?<![A-Za-z])[A-D][0-9](?![0-9])", text).isEmpty, "\(format) names a rubric code")
            // every listed finding is overdue in the demo's Q3: the text says so, not "before the deadline"
            #expect(text.contains("均已超过整改期限，请相关单位立即整改"), "\(format)")
            #expect(!text.contains("请相关单位于整改期限前完成"), "\(format)")
        }
    }

    @Test func noFormatHasABulletList() throws {
        for (format, text) in try everyFormat() {
            let lines = text.split(separator: "\n")
            #expect(!lines.contains { $0.hasPrefix("- ") || $0.hasPrefix("* ") || $0.hasPrefix("• ") }, "\(format)")
        }
    }
}
