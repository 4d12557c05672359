import JSON
import Testing
@testable import WasteDomain

@Suite struct PeriodTests {
    @Test(arguments: [
        ("2020", "2020-01-01", "2020-12-31", 12, "2020年"),
        ("2020-H1", "2020-01-01", "2020-06-30", 6, "2020年上半年"),
        ("2020-H2", "2020-07-01", "2020-12-31", 6, "2020年下半年"),
        ("2020-Q1", "2020-01-01", "2020-03-31", 3, "2020年第一季度"),
        ("2020-Q2", "2020-04-01", "2020-06-30", 3, "2020年第二季度"),
        ("2020-Q4", "2020-10-01", "2020-12-31", 3, "2020年第四季度"),
        ("2020-02", "2020-02-01", "2020-02-29", 1, "2020年2月"),
        ("2021-02", "2021-02-01", "2021-02-28", 1, "2021年2月"),
        ("2020-12", "2020-12-01", "2020-12-31", 1, "2020年12月"),
    ])
    func everyValidFormParses(text: String, start: String, end: String, months: Int, chinese: String) throws {
        let period = try #require(Period(parsing: text))
        #expect(period.description == text)
        #expect(period.start.description == start)
        #expect(period.end.description == end)
        #expect(period.months.count == months)
        #expect(period.chineseName == chinese)
    }

    @Test(arguments: ["", "20", "2020-", "2020-H0", "2020-H3", "2020-Q0", "2020-Q5", "2020-00", "2020-13", "2020-6",
                      "2020-006", " 2020", "2020 ", "2020-h1", "2020-q1", "20x0", "2020-M1", "2020/06", "1969", "２０２０",
                      "2020-Q1-01", "-2020", "+2020"])
    func everyInvalidFormIsRefused(text: String) {
        #expect(Period(parsing: text) == nil)
    }

    @Test func previousPeriodsCrossYears() {
        #expect(Period(parsing: "2021-Q1")?.previous?.description == "2020-Q4")
        #expect(Period(parsing: "2021-H1")?.previous?.description == "2020-H2")
        #expect(Period(parsing: "2021-01")?.previous?.description == "2020-12")
        #expect(Period(parsing: "2021")?.previous?.description == "2020")
        #expect(Period(parsing: "2021-05")?.previous?.description == "2021-04")
    }

    @Test func quartersOfAPeriod() {
        #expect(Period(parsing: "2021-H2")?.quarters.map(\.description) == ["2021-Q3", "2021-Q4"])
        #expect(Period(parsing: "2021-05")?.quarters.map(\.description) == ["2021-Q2"])
        #expect(Period(parsing: "2021")?.quarters.count == 4)
    }

    @Test func timestampsRoundTripAndConvertToLocalDates() throws {
        let instant = try #require(Timestamp(parsing: "2026-11-29T20:30:00Z"))
        #expect(instant.description == "2026-11-29T20:30:00Z")
        #expect(instant.date(utcOffsetMinutes: 480).description == "2026-11-30")
        #expect(Timestamp(parsing: "2026-11-30T04:30:00+08:00") == instant)
        #expect(Timestamp(parsing: "2026-11-29T20:30:00.123Z") == instant)
        #expect(Timestamp(parsing: "2026-13-29T20:30:00Z") == nil)
        #expect(Timestamp(parsing: "2026-11-29 20:30:00") == nil)
    }

    @Test func malformedTimestampsAndMonthsAreRefusedNotTrapped() {
        let timestamps = ["", "2026-11-29T20:30:00", "2026-11-29T20:30:00.", "2026-11-29T20:30:00.5",
                          "2026-11-29T20:30:00.1234567890Z", "2026-11-29T20:30:00+0800", "2026-11-29T20:30:00+08:0",
                          "2026-11-29T24:00:00Z", "2026-11-29T20:60:00Z", "2026-11-29T2a:30:00Z", "2026-11-29T20:30:00ZZ",
                          "2026-11-29T20:30:00+24:00", "２０２６-11-29T20:30:00Z"]
        for text in timestamps { #expect(Timestamp(parsing: text) == nil, "\(text)") }
        #expect(Timestamp(parsing: "2026-11-29T20:30:00.5Z")?.description == "2026-11-29T20:30:00Z")
        #expect(Timestamp(parsing: "2026-11-29T20:30:00-01:30")?.description == "2026-11-29T22:00:00Z")
        for text in ["", "2026-1", "2026-13", "2026-00", "2026/11", "2026-111", "+026-11"] {
            #expect(YearMonth(parsing: text) == nil, "\(text)")
        }
        #expect(YearMonth(parsing: "2026-11"[...])?.description == "2026-11")
        for text in ["2026-02-29", "2026-1-01", "2026-01-1 ", "20260101", "2026-01-01T", "-026-01-01"] {
            #expect(CalendarDate(parsing: text) == nil, "\(text)")
        }
    }

    @Test func calendarArithmetic() throws {
        let date = try #require(CalendarDate(parsing: "2024-02-28"))
        #expect(date.adding(days: 1)?.description == "2024-02-29")
        #expect(date.adding(days: 2)?.description == "2024-03-01")
        #expect(CalendarDate(parsing: "1970-01-01")?.daysSinceEpoch == 0)
        #expect(CalendarDate(parsing: "2026-11-29")?.isoWeekday == 7)  // a Sunday
        #expect(DistrictSettings().reportDueDate(for: YearMonth(parsing: "2026-12")!).description == "2027-01-05")
    }

    @Test func categoryAliasesResolve() {
        let table: [(String, WasteCategory)] = [
            ("湿垃圾", .food), ("易腐垃圾", .food), ("餐厨垃圾", .food), ("厨余", .food), ("可堆肥垃圾", .food),
            ("干垃圾", .residual), ("其它垃圾", .residual), ("不可回收垃圾", .residual), ("可燃垃圾", .residual),
            ("有毒有害垃圾", .hazardous), ("可回收垃圾", .recyclable), ("可回收物", .recyclable), ("有害垃圾", .hazardous),
            ("厨余垃圾", .food), ("其他垃圾", .residual), ("food", .food), (" recyclable ", .recyclable),
        ]
        for (text, category) in table { #expect(CategoryNames.resolve(text) == category, "\(text)") }
        #expect(CategoryNames.resolve("垃圾") == nil)
        #expect(CategoryNames.resolve("") == nil)
    }
}
