import Spreadsheet
import Testing

@Suite struct SheetDateTests {
    @Test(arguments: ["2026-11-04", "2026-11-4", "2026/11/4", "2026/11/04", "2026.11.4", "2026年11月4日", "2026 年 11 月 4 日"])
    func theFormsClerksTypeAreRead(_ text: String) {
        #expect(SheetDate(text: text)?.description == "2026-11-04")
    }

    @Test(arguments: ["2026-02-30", "2026/13/1", "26/11/4", "2026-11", "2026年11月4", "2026-11/4", "4/11/2026", "", "2026--11-4",
                      "2026-11-04x", "２０２６-11-4"])
    func otherTextIsNotADate(_ text: String) {
        #expect(SheetDate(text: text) == nil)
    }

    @Test func serialNumbersAreExcelsDayNumbers() throws {
        let date = try #require(SheetDate(year: 2026, month: 11, day: 4))
        #expect(date.serial == 46330)
        #expect(SheetDate(year: 1900, month: 3, day: 1)?.serial == 61)
        #expect(SheetDate(serial: 46330)?.description == "2026-11-04")
        #expect(SheetDate(serial: 46330.75)?.description == "2026-11-04")
        #expect(SheetDate(serial: 45351)?.description == "2024-02-29")
        #expect(SheetDate(serial: .nan) == nil)
    }
}
