import JSON
import Testing
@testable import WasteDomain

/// The shipped State Council schedules (docs/DECISIONS.md, "Working days").
@Suite struct WorkingCalendarTests {
    private func day(_ text: String) -> CalendarDate { CalendarDate(parsing: text)! }
    private let calendar = WorkingCalendar.official

    @Test func holidayMonthsOf2025And2026() {
        // 2025: 国庆中秋 1–8 October off, Sunday 28 September and Saturday 11 October worked
        #expect(calendar.count(from: day("2025-10-01"), to: day("2025-10-31")) == 23 - 6 + 1)
        #expect(calendar.count(from: day("2025-09-01"), to: day("2025-09-30")) == 22 + 1)
        // 2025 spring festival: 28 January – 4 February off, 26 January and 8 February worked
        #expect(calendar.count(from: day("2025-01-01"), to: day("2025-01-31")) == 23 - 1 - 4 + 1)
        #expect(calendar.count(from: day("2026-10-01"), to: day("2026-10-31")) == 18)
        #expect(calendar.count(from: day("2026-02-01"), to: day("2026-02-28")) == 20 - 6 + 2)
        #expect(calendar.isWorkingDay(day("2026-01-04")))   // a Sunday worked
        #expect(!calendar.isWorkingDay(day("2026-01-02")))  // a Friday off
        #expect(calendar.isWorkingDay(day("2026-01-05")))
    }

    @Test func aYearWithoutAScheduleCountsMondayToFriday() {
        #expect(calendar.count(from: day("2027-10-01"), to: day("2027-10-31")) == WorkingDays.count(from: day("2027-10-01"), to: day("2027-10-31")))
        #expect(calendar.count(from: day("2026-10-02"), to: day("2026-10-01")) == 0)
        var edited = calendar
        edited.years[2027] = .init(holidays: [day("2027-10-01")], workingWeekends: [day("2027-10-09")])
        #expect(edited.count(from: day("2027-10-01"), to: day("2027-10-31")) == 21)  // 21 weekdays − 1 + 1
    }

    @Test func theDefaultDisposalRulesKeepHazardousWasteToHazardousTreatment() {
        let rules = DisposalRules.standard
        #expect(rules.allowed(for: .hazardous) == [.hazardousTreatment, .other])
        #expect(!rules.allows(.composted, for: .hazardous))
        #expect(rules.allows(.composted, for: .food))
        #expect(!rules.allows(.composted, for: .residual))
        #expect(!rules.allows(.hazardousTreatment, for: .recyclable))
    }
}
