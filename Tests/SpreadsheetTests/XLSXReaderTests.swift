import Spreadsheet
import Testing

/// Workbooks as other programs write them: inline strings, rich text, prefixed namespaces,
/// Chinese date formats, absolute relationship targets, and the files that must be refused.
@Suite struct XLSXReaderTests {
    private static let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    private static let rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

    private func workbook(sheet: String, strings: String? = nil, styles: String? = nil) -> [String: [UInt8]] {
        var parts: [String: String] = [
            "_rels/.rels": "<Relationships><Relationship Id=\"r1\" Type=\"\(Self.rel)/officeDocument\" Target=\"/xl/workbook.xml\"/></Relationships>",
            "xl/workbook.xml": "<x:workbook xmlns:x=\"\(Self.main)\" xmlns:r=\"\(Self.rel)\"><x:sheets><x:sheet name=\"甲\" sheetId=\"7\" r:id=\"s9\"/></x:sheets></x:workbook>",
            "xl/_rels/workbook.xml.rels": """
                <Relationships><Relationship Id="s9" Type="\(Self.rel)/worksheet" Target="/xl/worksheets/data.xml"/>\
                <Relationship Id="s2" Type="\(Self.rel)/sharedStrings" Target="strings.xml"/>\
                <Relationship Id="s3" Type="\(Self.rel)/styles" Target="styles.xml"/></Relationships>
                """,
            "xl/worksheets/data.xml": "<x:worksheet xmlns:x=\"\(Self.main)\"><x:sheetData>\(sheet)</x:sheetData></x:worksheet>",
        ]
        if let strings { parts["xl/strings.xml"] = "<sst xmlns=\"\(Self.main)\">\(strings)</sst>" }
        if let styles { parts["xl/styles.xml"] = "<styleSheet xmlns=\"\(Self.main)\">\(styles)</styleSheet>" }
        return parts.mapValues { Array($0.utf8) }
    }

    private func rows(_ parts: [String: [UInt8]]) throws -> [[String]] {
        try XLSXReader.rows(XLSXPartsTests.source(parts)).map(\.cells)
    }

    private func failure(_ parts: [String: [UInt8]]) -> SpreadsheetReadError? {
        do {
            _ = try XLSXReader.rows(XLSXPartsTests.source(parts))
            return nil
        } catch {
            return error
        }
    }

    @Test func inlineAndRichStringsNumbersAndChineseDateFormatsAreRead() throws {
        let styles = """
            <numFmts count="1"><numFmt numFmtId="176" formatCode="yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;"/></numFmts>\
            <cellXfs count="4"><xf numFmtId="0"/><xf numFmtId="176"/><xf numFmtId="14"/><xf numFmtId="2"/></cellXfs>
            """
        let strings = "<si><t>日期</t></si><si><r><rPr><b/></rPr><t>重</t></r><r><t>量</t></r><rPh><t>ジュウリョウ</t></rPh></si><si/>"
        let sheet = """
            <x:row r="1"><x:c r="A1" t="s"><x:v>0</x:v></x:c><x:c r="B1" t="s"><x:v>1</x:v></x:c><x:c r="C1" t="inlineStr"><x:is><x:t>备注</x:t></x:is></x:c></x:row>
            <x:row r="2"><x:c r="A2" s="1"><x:v>46330</x:v></x:c><x:c r="B2" s="3"><x:v>12.345000000000001</x:v></x:c></x:row>
            <x:row r="3"><x:c r="A3" s="2"><x:v>46330.5</x:v></x:c><x:c r="B3"><x:v>1.5E-2</x:v></x:c><x:c r="C3" t="str"><x:v>算出</x:v></x:c></x:row>
            <x:row r="4"/>
            <x:row r="6"><x:c r="C6" t="b"><x:v>1</x:v></x:c></x:row>
            """
        #expect(try rows(workbook(sheet: sheet, strings: strings, styles: styles)) == [
            ["日期", "重量", "备注"], ["2026-11-04", "12.345", ""], ["2026-11-04", "0.015", "算出"], ["", "", "true"],
        ])
    }

    @Test func rowNumbersAreTheSheetsOwn() throws {
        let sheet = "<x:row r=\"1\"><x:c t=\"inlineStr\"><x:is><x:t>a</x:t></x:is></x:c></x:row><x:row r=\"7\"><x:c><x:v>3</x:v></x:c></x:row>"
        #expect(try XLSXReader.rows(XLSXPartsTests.source(workbook(sheet: sheet))).map(\.number) == [1, 7])
    }

    @Test func anErrorCellIsRefusedByItsReference() throws {
        let sheet = "<x:row r=\"7\"><x:c r=\"A7\"><x:v>1</x:v></x:c><x:c r=\"B7\" t=\"e\"><x:v>#N/A</x:v></x:c></x:row>"
        let error = try #require(failure(workbook(sheet: sheet)))
        #expect(error.reference == "B7")
        #expect(error.description.hasPrefix("B7: "))
    }

    @Test func brokenFilesAreRefusedWithAReason() throws {
        #expect(failure([:])?.message.contains("not an xlsx") == true)
        let doctype = workbook(sheet: "").merging(["xl/workbook.xml": Array("<!DOCTYPE x [<!ENTITY a \"b\">]><workbook/>".utf8)]) { $1 }
        #expect(failure(doctype)?.message.contains("document type") == true)
        #expect(failure(workbook(sheet: "<x:row r=\"2\"><x:c r=\"A2\" t=\"s\"><x:v>5</x:v></x:c></x:row>"))?.reference == "A2")
        #expect(failure(workbook(sheet: "<x:row r=\"2\"><x:c r=\"A3\"><x:v>5</x:v></x:c></x:row>"))?.reference == "A3")
        #expect(failure(workbook(sheet: "<x:row r=\"2\"><x:c r=\"A2\"><x:v>abc</x:v></x:c></x:row>"))?.reference == "A2")
        #expect(failure(workbook(sheet: "<x:row r=\"2\"><x:c r=\"HZZ2\"><x:v>1</x:v></x:c></x:row>"))?.kind == .tooLarge)
        #expect(failure(workbook(sheet: "<x:row r=\"2\"><x:c r=\"A2\"><x:v>1 &bogus; </x:v></x:c></x:row>"))?.row == 2)
    }
}
