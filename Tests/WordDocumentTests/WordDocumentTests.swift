import Foundation
import Testing
import ZipArchive
@testable import WordDocument

@Suite struct WordDocumentTests {
    private func sample(body: [Block], even: Bool = true) -> WordDocument {
        let page = PageSetup(width: 11906, height: 16838, top: 2098, bottom: 1984, left: 1587, right: 1474,
                             headerDistance: 850, footerDistance: 1247, linePitch: 579, charSpace: -841)
        let footer = Paragraph(runs: [Run("— "), Run(content: .field(instruction: "PAGE", placeholder: "1")), Run(" —")])
        return WordDocument(page: page, defaultRun: RunFormat(font: FontChoice(eastAsian: "仿宋_GB2312", latin: "仿宋_GB2312"), sizePoints: 16),
                            styles: [ParagraphStyle(id: "Level1", name: "heading 1", run: RunFormat(bold: false))],
                            fonts: [FontDeclaration(name: "仿宋_GB2312", alternative: "仿宋", family: .modern, chinese: true)],
                            body: body, oddFooter: [footer], evenFooter: even ? [footer] : nil,
                            properties: DocumentProperties(title: "通报", creator: "办公室", created: "2026-11-05T00:00:00Z"))
    }

    private func parts(_ document: WordDocument) throws -> [String: String] {
        let reader = try ZipReader(try document.archive())
        var parts: [String: String] = [:]
        for entry in reader.entries { parts[entry.name] = String(decoding: try reader.read(entry), as: UTF8.self) }
        return parts
    }

    @Test func everyPartIsWellFormedAndDeclaredAndEveryRelationshipResolves() throws {
        let table = Table(columnWidths: [4000, 4845], rows: [[Table.Cell([Paragraph(text: "名次")]), Table.Cell([])],
                                                             [Table.Cell([Paragraph(text: "1")], noWrap: true), Table.Cell([Paragraph(text: "甲")])]])
        let parts = try parts(sample(body: [.paragraph(Paragraph(style: "Level1", text: "一、总体情况")), .table(table)]))
        #expect(Set(parts.keys) == ["[Content_Types].xml", "_rels/.rels", "docProps/core.xml", "docProps/app.xml",
                                    "word/document.xml", "word/styles.xml", "word/settings.xml", "word/fontTable.xml",
                                    "word/header1.xml", "word/footer1.xml", "word/header2.xml", "word/footer2.xml",
                                    "word/_rels/document.xml.rels"])
        for (name, xml) in parts { #expect(XMLWellFormedness.problem(xml) == nil, "\(name): \(XMLWellFormedness.problem(xml) ?? "")") }
        let types = try #require(parts["[Content_Types].xml"])
        for name in parts.keys where !name.hasSuffix(".rels") && name != "[Content_Types].xml" {
            #expect(types.contains("PartName=\"/\(name)\""), "\(name) has no content type")
        }
        let relationships = try #require(parts["word/_rels/document.xml.rels"])
        for target in ["styles.xml", "settings.xml", "fontTable.xml", "header1.xml", "footer1.xml", "header2.xml", "footer2.xml"] {
            #expect(relationships.contains("Target=\"\(target)\""))
        }
        let document = try #require(parts["word/document.xml"])
        for id in ["rIdHeaderOdd", "rIdFooterOdd", "rIdHeaderEven", "rIdFooterEven"] {
            #expect(document.contains("r:id=\"\(id)\"") && relationships.contains("Id=\"\(id)\""))
        }
        // a body ending in a table gets a closing paragraph, as Word requires
        #expect(document.contains("</w:tbl><w:p/><w:sectPr>"))
        #expect(parts["word/settings.xml"]?.contains("<w:evenAndOddHeaders/>") == true)
    }

    @Test func oneFooterForAllPagesWhenOddAndEvenAreTheSame() throws {
        let parts = try parts(sample(body: [], even: false))
        #expect(parts["word/footer2.xml"] == nil)
        #expect(parts["word/settings.xml"]?.contains("evenAndOddHeaders") == false)
        #expect(parts["word/document.xml"]?.contains("w:type=\"even\"") == false)
    }

    @Test func pageSetupIsWrittenInTwips() throws {
        let document = try #require(try parts(sample(body: []))["word/document.xml"])
        #expect(document.contains("<w:pgSz w:w=\"11906\" w:h=\"16838\"/>"))
        #expect(document.contains("<w:pgMar w:top=\"2098\" w:right=\"1474\" w:bottom=\"1984\" w:left=\"1587\" w:header=\"850\" w:footer=\"1247\" w:gutter=\"0\"/>"))
        #expect(document.contains("<w:docGrid w:type=\"linesAndChars\" w:linePitch=\"579\" w:charSpace=\"-841\"/>"))
        #expect(Length.twips(millimetres: 37) == 2098)
        #expect(Length.twips(millimetres: 210) == 11906)
    }

    @Test func thePageNumberIsAComplexPageField() throws {
        let footer = try #require(try parts(sample(body: []))["word/footer1.xml"])
        #expect(footer.contains("<w:fldChar w:fldCharType=\"begin\"/>"))
        #expect(footer.contains("<w:instrText xml:space=\"preserve\"> PAGE </w:instrText>"))
        #expect(footer.contains("<w:fldChar w:fldCharType=\"separate\"/>"))
        #expect(footer.contains("<w:fldChar w:fldCharType=\"end\"/>"))
    }

    @Test func propertiesFollowTheSchemaOrder() {
        let format = ParagraphFormat(alignment: .center, leftIndent: 1, rightIndent: 2, firstLineIndent: 3, spaceBefore: 4,
                                     spaceAfter: 5, exactLineHeight: 6, pageBreakBefore: true, keepWithNext: true,
                                     snapToGrid: false, topBorder: BorderLine(width: 8), bottomBorder: BorderLine(width: 4),
                                     rightTabs: [100], frame: ParagraphFrame(width: 8844, vertical: .bottom), outlineLevel: 0)
        let xml = WordprocessingML.paragraphProperties(format, style: "Level1")
        let order = ["w:pStyle", "w:keepNext", "w:pageBreakBefore", "w:framePr", "w:pBdr", "w:tabs", "w:snapToGrid",
                     "w:spacing", "w:ind", "w:jc", "w:outlineLvl"]
        let positions = order.compactMap { xml.range(of: "<\($0)")?.lowerBound }
        #expect(positions.count == order.count)
        #expect(positions == positions.sorted())
        let run = WordprocessingML.runProperties(RunFormat(font: FontChoice(eastAsian: "黑体", latin: "黑体"), sizePoints: 16, bold: true,
                                                           color: "C00000", spacingPoints: 1, horizontalScale: 70))
        let runOrder = ["w:rFonts", "w:b/", "w:color", "w:spacing", "w:w ", "w:sz "].compactMap { run.range(of: "<\($0)")?.lowerBound }
        #expect(runOrder.count == 6)
        #expect(runOrder == runOrder.sorted())
    }

    @Test func textIsEscapedAndCharactersXMLForbidsAreDropped() throws {
        let body: [Block] = [.paragraph(Paragraph(text: "<script>alert(1)</script> & \u{1}\u{8}“引号”"))]
        let document = try #require(try parts(sample(body: body))["word/document.xml"])
        #expect(document.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; “引号”"))
        #expect(!document.contains("\u{1}"))
        #expect(XMLWellFormedness.problem(document) == nil)
    }

    @Test func equalDocumentsGiveEqualFiles() throws {
        let body: [Block] = [.paragraph(Paragraph(text: "正文"))]
        #expect(try sample(body: body).archive() == sample(body: body).archive())
    }
}
