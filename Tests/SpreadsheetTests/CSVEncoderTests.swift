import Spreadsheet
import Testing

@Suite struct CSVEncoderTests {
    private let columns = [SheetColumn("name", "名称"), SheetColumn("weight_kg", "重量（公斤）"), SheetColumn("on", "日期"),
                           SheetColumn("ok", "是否")]

    private func text(_ bytes: [UInt8]) -> String {
        String(decoding: bytes.dropFirst(3), as: UTF8.self)
    }

    @Test func fileStartsWithABomAndUsesCRLFAndTheChosenHeaderLanguage() {
        let sheet = Sheet(name: "t", columns: columns, rows: [
            [.text("食堂"), .number("12.345"), .date(SheetDate(year: 2026, month: 11, day: 4)!), .bool(true)],
        ])
        let english = CSVEncoder.encode(sheet)
        #expect(Array(english.prefix(3)) == [0xEF, 0xBB, 0xBF])
        #expect(text(english) == "name,weight_kg,on,ok\r\n食堂,12.345,2026-11-04,true\r\n")
        #expect(text(CSVEncoder.encode(sheet, headers: .chinese)).hasPrefix("名称,重量（公斤）,日期,是否\r\n"))
    }

    @Test func fieldsWithCommasQuotesAndLineBreaksAreQuoted() {
        let sheet = Sheet(name: "t", columns: [SheetColumn("a", "甲")], rows: [[.text("a,b")], [.text("say \"hi\"")], [.text("two\nlines")]])
        #expect(text(CSVEncoder.encode(sheet)) == "a\r\n\"a,b\"\r\n\"say \"\"hi\"\"\"\r\n\"two\nlines\"\r\n")
    }

    @Test(arguments: ["=1+1", "+1+1", "-1+1", "@SUM(A1)", "\t=1+1", "\r=1+1", "=cmd|' /C calc'!A0"])
    func cellsThatWouldStartAFormulaAreNeutralised(_ value: String) {
        let sheet = Sheet(name: "t", columns: [SheetColumn("a", "甲")], rows: [[.text(value)]])
        let body = text(CSVEncoder.encode(sheet))
        #expect(body.hasPrefix("a\r\n'") || body.hasPrefix("a\r\n\"'"))
        #expect(FormulaGuard.restore(FormulaGuard.neutralise(value)) == value)
    }

    @Test func negativeNumbersStayNumbersAndQuotedTextRoundTrips() {
        #expect(FormulaGuard.neutralise("-3.5") == "-3.5")
        #expect(FormulaGuard.neutralise("-") == "'-")
        #expect(FormulaGuard.neutralise("plain") == "plain")
        for value in ["'=x", "''@y", "'plain", "'", "'-3"] {
            #expect(FormulaGuard.restore(FormulaGuard.neutralise(value)) == value)
        }
        #expect(FormulaGuard.restore("'=x") == "=x")
        #expect(FormulaGuard.restore("'plain") == "'plain")
    }
}
