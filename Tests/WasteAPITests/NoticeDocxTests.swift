import Foundation
import Testing
import WasteDomain
import ZipArchive

/// The notice as a Word document after GB/T 9704-2012 (docs/NOTICE-FORMAT.md), unzipped and read
/// part by part.
@Suite struct NoticeDocxTests {
    private typealias Support = NoticeDocumentSupport

    private func demoDocx() throws -> (TestApp, [String: String]) {
        let app = try Support.demoDistrict()
        let response = try app.client.get(Support.q3 + "&format=docx", token: app.adminToken)
        #expect(response.status == 200)
        #expect(response.header("content-type") == "application/vnd.openxmlformats-officedocument.wordprocessingml.document")
        return (app, try Support.parts(response.body))
    }

    @Test func theAcceptHeaderChoosesWordToo() throws {
        let app = try Support.demoDistrict()
        let response = try app.client.get(Support.q3, token: app.adminToken,
                                          headers: [("Accept", "application/vnd.openxmlformats-officedocument.wordprocessingml.document")])
        #expect(response.status == 200)
        #expect(response.body.starts(with: [0x50, 0x4B, 0x03, 0x04]))
        #expect(response.header("content-disposition")?.contains(".docx") == true)
    }

    @Test func thePackageHoldsEveryPartAndEachIsDeclared() throws {
        let (_, parts) = try demoDocx()
        for name in ["[Content_Types].xml", "_rels/.rels", "word/document.xml", "word/styles.xml", "word/settings.xml",
                     "word/fontTable.xml", "word/header1.xml", "word/footer1.xml", "word/header2.xml", "word/footer2.xml",
                     "word/_rels/document.xml.rels", "docProps/core.xml", "docProps/app.xml"] {
            #expect(parts[name] != nil, "missing \(name)")
        }
        let types = try #require(parts["[Content_Types].xml"])
        #expect(types.contains("/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\""))
        #expect(parts["docProps/core.xml"]?.contains("<dc:title>关于2026年第三季度党政机关等公共机构生活垃圾分类工作检查情况的通报</dc:title>") == true)
    }

    @Test func thePageIsA4WithTheStandardsMarginsAndGrid() throws {
        let (_, parts) = try demoDocx()
        let document = try #require(parts["word/document.xml"])
        // A4 210 × 297 mm; top 37, right 26, bottom 35, left 28 mm, in twips (1 mm = 56.69 twips)
        #expect(document.contains("<w:pgSz w:w=\"11906\" w:h=\"16838\"/>"))
        #expect(document.contains("<w:pgMar w:top=\"2098\" w:right=\"1474\" w:bottom=\"1984\" w:left=\"1587\""))
        // 22 lines in 225 mm (579 twips each); 28 characters in 156 mm: 三号 less 0.25 pt each
        #expect(document.contains("<w:docGrid w:type=\"lines\" w:linePitch=\"579\"/>"))
        let styles = try #require(parts["word/styles.xml"])
        let normal = try #require(styles.components(separatedBy: "w:styleId=\"Normal\"").dropFirst().first?.components(separatedBy: "</w:style>").first)
        #expect(normal.contains("<w:spacing w:val=\"-5\"/>") && normal.contains("<w:sz w:val=\"32\"/>"))
    }

    @Test func stylesCarryTheStandardsTypefacesAndSizesWithFallbacks() throws {
        let (_, parts) = try demoDocx()
        let styles = try #require(parts["word/styles.xml"])
        func style(_ id: String) -> String {
            styles.components(separatedBy: "w:styleId=\"\(id)\"").dropFirst().first?.components(separatedBy: "</w:style>").first ?? ""
        }
        #expect(style("Normal").contains("w:eastAsia=\"仿宋_GB2312\"") && style("Normal").contains("<w:sz w:val=\"32\"/>"))   // 三号 16 pt
        #expect(style("Level1").contains("w:eastAsia=\"黑体\""))
        #expect(style("Level2").contains("w:eastAsia=\"楷体_GB2312\""))
        #expect(style("Level3").contains("w:eastAsia=\"仿宋_GB2312\""))
        #expect(style("NoticeTitle").contains("w:eastAsia=\"方正小标宋简体\"") && style("NoticeTitle").contains("<w:sz w:val=\"44\"/>"))  // 二号 22 pt
        let fonts = try #require(parts["word/fontTable.xml"])
        #expect(fonts.contains("<w:font w:name=\"仿宋_GB2312\"><w:altName w:val=\"仿宋\"/><w:charset w:val=\"86\"/>"))
        #expect(fonts.contains("<w:font w:name=\"方正小标宋简体\"><w:altName w:val=\"华文中宋\"/>"))
    }

    @Test func theMastheadIsRedOnOneFittedLineOverARedRule() throws {
        let (_, parts) = try demoDocx()
        let document = try #require(parts["word/document.xml"])
        let mark = "尖山区党政机关等公共机构生活垃圾分类工作领导小组办公室文件"
        let first = try #require(document.components(separatedBy: "</w:p>").first)
        #expect(first.contains(mark) && first.contains("<w:color w:val=\"C00000\"/>"))
        // 29 characters do not fit 156 mm at 二号: glyphs narrowed to 67 %, no wrap (no grid snapping)
        #expect(first.contains("<w:w w:val=\"67\"/><w:sz w:val=\"44\"/>"))
        #expect(first.contains("<w:snapToGrid w:val=\"0\"/>"))
        let number = document.components(separatedBy: "</w:p>")[1]
        #expect(number.contains("<w:bottom w:val=\"single\" w:sz=\"12\" w:space=\"11\" w:color=\"C00000\"/>"))
    }

    @Test func pageNumbersAreAPageFieldOnTheOuterSide() throws {
        let (_, parts) = try demoDocx()
        #expect(parts["word/settings.xml"]?.contains("<w:evenAndOddHeaders/>") == true)
        let odd = try #require(parts["word/footer1.xml"]), even = try #require(parts["word/footer2.xml"])
        for footer in [odd, even] {
            #expect(footer.contains("<w:instrText xml:space=\"preserve\"> PAGE </w:instrText>"))
            #expect(footer.contains(">— </w:t>") && footer.contains("> —</w:t>"))
            #expect(footer.contains("w:eastAsia=\"宋体\"") && footer.contains("<w:sz w:val=\"28\"/>"))   // 四号 14 pt
        }
        #expect(odd.contains("<w:jc w:val=\"right\"/>"))
        #expect(even.contains("<w:jc w:val=\"left\"/>"))
        let document = try #require(parts["word/document.xml"])
        #expect(document.contains("<w:footerReference w:type=\"default\" r:id=\"rIdFooterOdd\"/>"))
        #expect(document.contains("<w:footerReference w:type=\"even\" r:id=\"rIdFooterEven\"/>"))
    }

    @Test func eachAttachmentStartsANewPageWithARepeatingHeaderRow() throws {
        let (_, parts) = try demoDocx()
        let document = try #require(parts["word/document.xml"])
        let pages = document.components(separatedBy: "<w:pageBreakBefore/>")
        #expect(pages.count == 3)
        #expect(Support.paragraphs(pages[1]).first == "附件1")
        #expect(Support.paragraphs(pages[1]).dropFirst().first == "得分排名表")
        #expect(Support.paragraphs(pages[2]).first == "附件2")
        #expect(Support.paragraphs(pages[2]).dropFirst().first == "整改问题清单")
        for page in pages.dropFirst() {
            #expect(Support.count("<w:tbl>", in: page) == 1)
            #expect(Support.count("<w:tblHeader/>", in: page) == 1)
        }
        #expect(Support.paragraphs(pages[2]).contains("整改期限"))
    }

    @Test func theColophonSitsInAFrameAtTheFootOfTheLastPage() throws {
        let app = try Support.demoDistrict()
        _ = try app.client.put("/v1/settings", json: ["notice_cc": "区委办公室，区政府办公室", "printing_office": "尖山区机关事务管理局"],
                               token: app.adminToken)
        let response = try app.client.get(Support.q3 + "&format=docx", token: app.adminToken)
        let document = try #require(try Support.parts(response.body)["word/document.xml"])
        let framed = document.components(separatedBy: "<w:p>").filter { $0.contains("<w:framePr") }
        #expect(framed.count == 2)
        #expect(framed.allSatisfy { $0.contains("w:yAlign=\"bottom\"") && $0.contains("w:vAnchor=\"margin\"") })
        #expect(Support.paragraphs(framed[0]).first == "　抄送：区委办公室，区政府办公室。")
        #expect(Support.paragraphs(framed[1]).first == "　尖山区机关事务管理局2026年11月20日印发")
        // between rules: heavy over 抄送, light under it, heavy under 印发
        #expect(framed[0].contains("<w:top w:val=\"single\" w:sz=\"8\"") && framed[0].contains("<w:bottom w:val=\"single\" w:sz=\"4\""))
        #expect(framed[1].contains("<w:bottom w:val=\"single\" w:sz=\"8\""))
        // after the last attachment
        #expect(document.range(of: "<w:framePr")!.lowerBound > document.range(of: "整改问题清单", options: .backwards)!.lowerBound)
    }

    @Test func theSignatureDateIsInArabicNumerals() throws {
        let (_, parts) = try demoDocx()
        let body = Support.paragraphs(try #require(parts["word/document.xml"]))
        let signature = try #require(body.firstIndex(of: "尖山区党政机关等公共机构生活垃圾分类工作领导小组办公室"))
        #expect(body[signature + 1] == "2026年11月20日")
        #expect(body[signature - 2] == "附件：1.得分排名表" && body[signature - 1] == "2.整改问题清单")
    }

    @Test func aStoredNoticeIsServedAsWordToo() throws {
        let app = try Support.demoDistrict()
        let draft = try app.client.post("/v1/notices", json: ["period": "2026-Q3", "kind": "quarterly"], token: app.adminToken)
        let id = try #require(draft.json["id"]?.numberValue?.int64)
        _ = try app.client.request("POST", "/v1/notices/\(id)/publish", token: app.adminToken)
        let word = try app.client.get("/v1/notices/\(id)?format=docx", token: app.adminToken)
        #expect(word.status == 200)
        let document = try #require(try Support.parts(word.body)["word/document.xml"])
        #expect(document.contains("尖垃分办〔2026〕1号"))
        #expect(word.header("etag") == "\"v2-docx\"")
    }
}
