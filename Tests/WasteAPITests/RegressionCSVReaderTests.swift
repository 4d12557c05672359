import Testing
@testable import WasteAPI

/// Found while fuzzing the CSV reader (issue 7): its contract says it refuses "a quote inside an
/// unquoted field", but `a,b"c` is read as the fields `a` and `b"c`. A clerk's spreadsheet with a
/// stray quote (`JS-001,尖山区"人民政府,…`) is then imported with the quote in the name instead of
/// being reported with its line number, as every other quoting mistake is.
@Suite struct RegressionCSVReaderTests {
    @Test func aQuoteInsideAnUnquotedFieldIsRefusedWithItsLine() {
        #expect(throws: CSVReader.Failure.self) { try CSVReader.parse(Array("a,b\"c\r\n".utf8)) }
        do {
            _ = try CSVReader.parse(Array("code,name\r\nJS-001,ok\r\nJS-002,尖山区\"人民政府\r\n".utf8))
            Issue.record("a stray quote in an unquoted field was accepted")
        } catch {
            #expect(error.line == 3)
        }
    }

    @Test func quotedFieldsWithDoubledQuotesStillRead() throws {
        let rows = try CSVReader.parse(Array("\"尖山区\"\"人民\"\"政府\",x\r\n".utf8))
        #expect(rows.map(\.fields) == [["尖山区\"人民\"政府", "x"]])
    }
}
