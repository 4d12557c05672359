import JSON
import Testing
@testable import WasteDomain

/// The rules every notice format shares (docs/NOTICE-FORMAT.md): units, dates, numbering, escaping.
@Suite struct NoticeTextTests {
    @Test(arguments: [
        ("35945.787", "35.95吨"), ("1000", "1.00吨"), ("999.96", "1000.0公斤"), ("999.94", "999.9公斤"),
        ("512.34", "512.3公斤"), ("0.05", "0.1公斤"), ("0", "0.0公斤"), ("1004.999", "1.00吨"), ("1005", "1.01吨"),
    ])
    func weightsOfATonneOrMoreAreInTonnesWithTwoDecimalsSmallerInKilogramsWithOne(kilograms: String, printed: String) {
        #expect(NoticeText.weight(kilograms: kilograms) == printed)
    }

    @Test func datesAreWrittenTheChineseWay() {
        #expect(NoticeText.date(CalendarDate(year: 2026, month: 11, day: 5)!) == "2026年11月5日")
    }

    @Test func theFourLevelsAreNumberedAfterTheStandard() {
        #expect((1...4).map(NoticeOutline.Level.one.number) == ["一、", "二、", "三、", "四、"])
        #expect(NoticeOutline.Level.one.number(10) == "十、")
        #expect(NoticeOutline.Level.one.number(21) == "二十一、")
        #expect(NoticeOutline.Level.two.number(2) == "（二）")
        #expect(NoticeOutline.Level.three.number(3) == "3.")
        #expect(NoticeOutline.Level.four.number(1) == "（1）")
    }

    @Test func theOldTermIsReplacedByTheStandardOne() {
        #expect(NoticeText.standardTerms("台帐完整，按时报送") == "台账完整，按时报送")
        #expect(NoticeText.itemTitle("台帐完整", code: "C6") == "台账完整")
        #expect(NoticeText.itemTitle("", code: "C6") == "C6")
    }

    @Test func markdownPrintsRawHTMLAndMarkupAsText() {
        #expect(MarkdownText.escape("<script>alert(1)</script>") == "\\<script\\>alert(1)\\</script\\>")
        #expect(MarkdownText.escape("a*b*_c_ [x](y) | &amp; `z`") == "a\\*b\\*\\_c\\_ \\[x\\](y) \\| \\&amp; \\`z\\`")
        #expect(MarkdownText.escape("第一行\n# 第二行\u{0}") == "第一行 \\# 第二行 ")
        #expect(MarkdownText.number("1.") == "1\\.")
        #expect(MarkdownText.number("（一）") == "（一）")
    }

    @Test func htmlEscapesEntitiesAndDropsControlCharacters() {
        #expect(NoticeRenderer.escape("<b>\"甲\"&'乙'\u{7}</b>") == "&lt;b&gt;&quot;甲&quot;&amp;&#39;乙&#39; &lt;/b&gt;")
    }

    @Test func theMarkFitsOneLineNarrowingLongNames() {
        // 29 characters: under 二号 they would fit; at 二号 the glyphs narrow to 67 %
        let long = NoticeLayout.markFit("尖山区党政机关等公共机构生活垃圾分类工作领导小组办公室文件")
        #expect(long == NoticeLayout.MarkFit(sizePoints: 22, scalePercent: 67))
        // a short name grows, up to 初号
        #expect(NoticeLayout.markFit("尖山区垃圾分类办文件") == NoticeLayout.MarkFit(sizePoints: 42, scalePercent: 100))
        #expect(NoticeLayout.markFit("尖山区人民政府办公室文件").sizePoints == 36)
        for fit in [long] {
            let width = Double(29) * fit.sizePoints * Double(fit.scalePercent) / 100
            #expect(width <= NoticeLayout.typeAreaWidthPoints)
        }
    }

    @Test func theTypeAreaIs156By225Millimetres() {
        #expect(NoticeLayout.typeAreaWidthMM == 156)
        #expect(NoticeLayout.typeAreaHeightMM == 225)
    }
}
