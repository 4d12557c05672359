import JSON
import Testing
@testable import WasteDomain

@Suite struct ReportingObligationTests {
    private func month(_ text: String) -> YearMonth { YearMonth(parsing: text)! }

    @Test func monthsFromTheStartToTheArchivingMonthAreOwed() {
        let obligation = ReportingObligation(startsOn: CalendarDate(parsing: "2026-11-15"), lastMonth: month("2027-02"))
        #expect(!obligation.owes(month("2026-10")))
        #expect(obligation.owes(month("2026-11")))   // the month the start falls in
        #expect(obligation.owes(month("2027-02")))   // the archiving month
        #expect(!obligation.owes(month("2027-03")))
        let q4 = Period(parsing: "2026-Q4")!
        #expect(obligation.owedMonths(in: q4) == [month("2026-11"), month("2026-12")])
        #expect(obligation.overlaps(q4))
        #expect(obligation.beginsAfter(Period(parsing: "2026-Q3")!))
        #expect(obligation.endedBefore(Period(parsing: "2027-Q2")!))
        #expect(ReportingObligation.always.owedMonths(in: q4).count == 3)
    }
}
