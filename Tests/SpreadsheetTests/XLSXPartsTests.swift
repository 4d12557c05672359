import Foundation
import Spreadsheet
import Testing

/// The writer and reader over the package's parts (the ZIP container is tested apart).
@Suite struct XLSXPartsTests {
    static func source(_ parts: [String: [UInt8]]) -> XLSXReader.PartSource {
        { path in parts[path] }
    }

    static func read(_ parts: [XLSXWriter.Part], limits: SpreadsheetLimits = SpreadsheetLimits()) throws -> [SheetRow] {
        let byPath = Dictionary(uniqueKeysWithValues: parts.map { ($0.path, $0.bytes) })
        return try XLSXReader.rows(source(byPath), limits: limits)
    }

    private let sheet = Sheet(name: "台帐 [2026]", columns: [
        SheetColumn("name", "名称"), SheetColumn("weight_kg", "重量（公斤）"), SheetColumn("headcount", "人数"),
        SheetColumn("on", "日期"), SheetColumn("weighed", "是否称重"), SheetColumn("note", "备注"),
    ], rows: [
        [.text("尖山区人民政府"), .number("12.345"), .integer(120), .date(SheetDate(year: 2026, month: 11, day: 4)!), .bool(true),
         .text("食堂 <午餐> & \"晚餐\"")],
        [.text("=1+1"), .number("-0.001"), .integer(0), .empty, .bool(false), .text("tab\there\r\nCR _x0041_ \u{1}")],
        [.text("尖山区人民政府"), .empty, .empty, .empty, .empty, .empty],
    ])

    @Test func writtenWorkbookReadsBackCellForCell() throws {
        let rows = try Self.read(XLSXWriter.parts(sheet, headers: .chinese))
        #expect(rows.map(\.number) == [1, 2, 3, 4])
        #expect(rows[0].cells == ["名称", "重量（公斤）", "人数", "日期", "是否称重", "备注"])
        #expect(rows[1].cells == ["尖山区人民政府", "12.345", "120", "2026-11-04", "true", "食堂 <午餐> & \"晚餐\""])
        #expect(rows[2].cells == ["=1+1", "-0.001", "0", "", "false", "tab\there\r\nCR _x0041_ \u{1}"])
        #expect(rows[3].cells == ["尖山区人民政府", "", "", "", "", ""])
    }

    @Test func datesAreRealDatesTextIsSharedAndFormulaLikeTextIsQuotePrefixed() throws {
        let parts = Dictionary(uniqueKeysWithValues: XLSXWriter.parts(sheet).map { ($0.path, String(decoding: $0.bytes, as: UTF8.self)) })
        let worksheet = try #require(parts["xl/worksheets/sheet1.xml"])
        #expect(worksheet.contains("<c r=\"D2\" s=\"2\"><v>46330</v></c>"))
        #expect(worksheet.contains("<c r=\"A3\" s=\"3\" t=\"s\">"))  // quotePrefix: shown and re-entered as text
        #expect(worksheet.contains("<c r=\"B2\"><v>12.345</v></c>"))
        #expect(worksheet.contains("state=\"frozen\""))
        #expect(worksheet.contains("<col min=\"1\" max=\"1\""))
        #expect(!worksheet.contains("<c r=\"D3\""))  // empty cells are left out
        let strings = try #require(parts["xl/sharedStrings.xml"])
        #expect(strings.components(separatedBy: "尖山区人民政府").count == 2)  // stored once, used twice
        #expect(try #require(parts["xl/styles.xml"]).contains("formatCode=\"yyyy\\-mm\\-dd\""))
        #expect(try #require(parts["xl/workbook.xml"]).contains("name=\"台帐 2026\""))
    }

    @Test func rowLimitIsEnforcedWithAClearMessage() throws {
        var big = Sheet(name: "t", columns: [SheetColumn("a", "甲")])
        big.rows = (0..<11).map { [.integer(Int64($0))] }
        var limits = SpreadsheetLimits()
        limits.maxRows = 10
        #expect(try Self.read(XLSXWriter.parts(Sheet(name: "t", columns: big.columns, rows: Array(big.rows.prefix(10)))),
                              limits: limits).count == 11)
        do {
            _ = try Self.read(XLSXWriter.parts(big), limits: limits)
            Issue.record("11 rows passed a limit of 10")
        } catch let error as SpreadsheetReadError {
            #expect(error.kind == .tooLarge)
            #expect(error.message.contains("at most 10"))
        }
    }
}
