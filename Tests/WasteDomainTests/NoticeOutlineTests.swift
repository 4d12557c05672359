import JSON
import Testing
@testable import WasteDomain

/// The notice's outline: what every format prints, in the standard's order and numbering.
@Suite struct NoticeOutlineTests {
    private func content(overdue: [Bool]) -> NoticeContent {
        let day = CalendarDate(year: 2026, month: 11, day: 5)!
        let unit = NoticeContent.RankedUnit(rank: 1, name: "尖山区财政局", kind: .partyGovernmentOrgan, score: 9_550, grade: .excellent)
        return NoticeContent(
            kind: .quarterly, period: Period(parsing: "2026-Q3")!, issuingOffice: "尖山区垃圾分类办", districtName: "尖山区",
            number: "尖垃分办〔2026〕7号", addressees: "区直各单位", issuedOn: day,
            overall: .init(activeInstitutions: 2, inspectedInstitutions: 2, inspections: 3, meanScore: 9_550, onTimeRate: 0.5,
                           coverageRate: 1, totalsByCategory: [(.recyclable, "35945.787"), (.hazardous, "12.34")]),
            praised: [unit], criticized: [.init(name: "尖山区水务局", reasons: ["8月台帐未报送"])],
            problems: [.init(itemCode: "C6", itemTitle: "台帐完整，按时报送", count: 1, institutions: ["尖山区水务局"])],
            rectifications: overdue.map { .init(institution: "尖山区水务局", itemCode: "C6", description: "台帐缺失", rectifyBy: day, overdue: $0) },
            ranking: [unit], unrankedCount: 1, copiesTo: "区委办公室", printingOffice: "")
    }

    @Test func theBodyIsNumberedLevelByLevelWithoutGaps() {
        let outline = NoticeOutline(content(overdue: [true]))
        let numbers = outline.body.compactMap { block -> String? in
            if case .numbered(_, let number, _, _) = block { return number }
            return nil
        }
        #expect(numbers == ["一、", "二、", "三、", "（一）", "1.", "（二）", "1.", "四、", "（一）", "（二）", "（三）", "（四）"])
    }

    @Test func theRectificationSentenceMatchesWhatTheListHolds() {
        func sentence(_ overdue: [Bool]) -> String {
            guard case .numbered(_, _, _, let text) = NoticeOutline(content(overdue: overdue)).body.last else { return "" }
            return text
        }
        #expect(sentence([true, true]) == "截至2026年11月5日，尚有2项问题未完成整改（清单见附件2），均已超过整改期限，请相关单位立即整改。")
        #expect(sentence([false]) == "截至2026年11月5日，尚有1项问题未完成整改（清单见附件2），均在整改期限内，请相关单位于整改期限前完成。")
        #expect(sentence([true, false, false]).contains("其中1项已超过整改期限，请相关单位立即整改；2项尚在整改期限内"))
        #expect(sentence([]) == "本期检查发现的问题均已完成整改。")
    }

    @Test func attachmentsAndColophonFollowTheSignature() {
        let outline = NoticeOutline(content(overdue: [true]))
        #expect(outline.attachmentTitles == ["得分排名表", "整改问题清单"])
        #expect(outline.attachments.map(\.label) == ["附件1", "附件2"])
        #expect(outline.attachments[1].table?.rows == [["1", "尖山区水务局", "台账完整，按时报送", "台账缺失", "2026年11月5日", "已逾期"]])
        #expect(outline.attachments[0].notes == ["另有1家单位本期无有效检查记录，未参加排名。"])
        // an empty printing office means the issuing office
        #expect(outline.colophon == .init(copiesTo: "区委办公室", printingOffice: "尖山区垃圾分类办", printedOn: "2026年11月5日印发"))
        #expect(outline.mark == "尖山区垃圾分类办文件")
        #expect(outline.date == "2026年11月5日")
    }

    @Test func everyTextFormatSaysTheSameInTheSameOrder() {
        let notice = content(overdue: [true])
        let formats = [NoticeRenderer.markdown(notice), NoticeRenderer.plainText(notice), NoticeRenderer.html(notice)]
        let milestones = ["一、总体情况", "35.95吨", "12.3公斤", "二、表扬单位", "三、存在问题及通报批评单位", "（一）存在的主要问题",
                          "台账完整，按时报送：1处", "（二）通报批评单位", "8月台账未报送", "四、整改要求", "（一）抓好问题整改。",
                          "（四）按期完成整改。", "附件：1", "2026年11月5日", "附件1", "得分排名表", "附件2", "整改问题清单",
                          "抄送：区委办公室。", "2026年11月5日印发"]
        for text in formats {
            var rest = Substring(text)
            for milestone in milestones {
                guard let found = rest.range(of: milestone) else {
                    Issue.record("missing or out of order: \(milestone)")
                    break
                }
                rest = rest[found.upperBound...]
            }
            #expect(!text.contains("台帐"))
            #expect(!text.contains("C6"))
            #expect(!text.contains("2026-11-05"))
            #expect(!text.contains("35945"))
        }
        // no bullets: neither Markdown list items nor HTML lists
        #expect(!formats[0].split(separator: "\n").contains { $0.hasPrefix("- ") || $0.hasPrefix("* ") || $0.first?.isNumber == true && $0.contains(". ") })
        #expect(!formats[2].contains("<ul") && !formats[2].contains("<ol") && !formats[2].contains("<li"))
    }

    @Test func thePrintableHTMLSetsTheStandardsPage() {
        let html = NoticeRenderer.html(content(overdue: [true]))
        #expect(html.contains("@page { size: A4; margin: 37mm 26mm 35mm 28mm; }"))
        #expect(html.contains("@page :right { @bottom-right { content: \"— \" counter(page) \" —\""))
        #expect(html.contains("@page :left { @bottom-left { content: \"— \" counter(page) \" —\""))
        #expect(html.contains("section.attachment { break-before: page; }"))
        #expect(html.contains("thead { display: table-header-group; }"))
        #expect(html.contains("<footer class=\"colophon\""))
        #expect(html.contains("\"仿宋_GB2312\""))
        #expect(!html.contains("http"))   // no external font or style
    }
}
