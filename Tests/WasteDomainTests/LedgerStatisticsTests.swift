import JSON
import Testing
@testable import WasteDomain

@Suite struct LedgerStatisticsTests {
    private let october = YearMonth(year: 2026, month: 10)!

    private func row(_ category: WasteCategory, _ stage: LedgerStage = .collected, _ disposal: Disposal? = nil,
                     institution: Int64 = 1, grams: Int64, month: YearMonth? = nil) -> LedgerAggregate {
        LedgerAggregate(institutionID: institution, month: month ?? october, category: category, stage: stage,
                        disposal: disposal, grams: grams, entries: 1)
    }

    @Test func recoveryRateCountsRecyclablesAndFoodNotBurnedOrBuried() {
        let totals = LedgerTotals([
            row(.recyclable, .collected, .recycled, grams: 300_000),
            row(.food, .collected, .composted, grams: 200_000),
            row(.food, .collected, .incinerated, grams: 100_000),
            row(.recyclable, .collected, .landfilled, grams: 50_000),
            row(.residual, .collected, .incinerated, grams: 340_000),
            row(.hazardous, .collected, .hazardousTreatment, grams: 10_000),
        ])
        #expect(totals.grams == 1_000_000)
        #expect(totals.recoveredGrams == 500_000)
        #expect(totals.recoveryRate == 5000)  // 0.5
        #expect(totals.hazardousHandledGrams == 10_000)
    }

    @Test func weightWithoutDisposalCountsAsRecoveredForRecyclablesAndFood() {
        let totals = LedgerTotals([row(.food, grams: 1000), row(.residual, grams: 2000)])
        #expect(totals.recoveryRate == 3333)  // 1/3 → 0.3333
    }

    @Test func hazardousWasteOnlyCountsAsHandledWhenTreatedAsHazardous() {
        let totals = LedgerTotals([row(.hazardous, .collected, .landfilled, grams: 5), row(.hazardous, grams: 7)])
        #expect(totals.hazardousHandledGrams == 0)
    }

    @Test func noWeightMeansNoRate() {
        #expect(LedgerTotals().recoveryRate == nil)
        #expect(LedgerTotals().kilogramsPerStaffPerWorkingDay(headcount: 10, workingDays: 20) == 0)
        #expect(LedgerTotals([row(.food, grams: 1)]).kilogramsPerStaffPerWorkingDay(headcount: 0, workingDays: 20) == nil)
    }

    @Test func stageRuleCountsOnlyTheEarliestStagePerInstitutionMonthAndCategory() {
        let rows = [
            row(.food, .collected, grams: 100), row(.food, .transported, grams: 95), row(.food, .treated, .composted, grams: 90),
            row(.recyclable, .treated, .recycled, grams: 40),           // only treated recorded: counts
            row(.food, .transported, institution: 2, grams: 70), row(.food, .treated, institution: 2, grams: 69),
            row(.food, .treated, grams: 33, month: october.next),       // another month: its own choice
        ]
        let counted = StageRule.counted(rows)
        #expect(counted.map(\.grams).sorted() == [33, 40, 70, 100])
        #expect(LedgerTotals(counted).grams == 243)
    }

    @Test(arguments: [
        (Int64(1), Int64(3), 4, Int64(3333)), (2, 3, 4, 6667), (1, 2, 0, 1), (1, 8, 2, 13), (5, 0, 4, nil),
        (-1, 3, 4, -3333), (Int64.max / 2, Int64.max, 4, 5000), (1_000_000_000_000, 7, 4, 1_428_571_428_571_429),
    ])
    func ratiosRoundHalfAwayFromZeroInIntegers(numerator: Int64, denominator: Int64, decimals: Int, expected: Int64?) {
        #expect(Ratio.scaled(numerator, over: denominator, decimals: decimals) == expected)
    }

    @Test func kilogramsPerStaffPerWorkingDay() {
        // 2 200 kg for 50 staff over 22 working days is 2 kg each per day.
        let totals = LedgerTotals([row(.residual, grams: 2_200_000)])
        #expect(totals.kilogramsPerStaffPerWorkingDay(headcount: 50, workingDays: 22) == 20_000)
        // 1 kg over 3 staff and 7 days: 0.047619… → 0.0476.
        #expect(LedgerTotals([row(.food, grams: 1000)]).kilogramsPerStaffPerWorkingDay(headcount: 3, workingDays: 7) == 476)
    }

    @Test(arguments: [
        ("2026-10-01", "2026-10-31", 22),   // Oct 2026 starts on a Thursday
        ("2026-02-01", "2026-02-28", 20),
        ("2026-11-28", "2026-11-29", 0),    // a weekend
        ("2026-11-30", "2026-11-30", 1),    // a Monday
        ("2026-01-01", "2026-12-31", 261),
        ("2024-01-01", "2024-12-31", 262),  // leap year starting on a Monday
        ("2026-10-05", "2026-10-01", 0),    // end before start
    ])
    func workingDaysCountMondayToFriday(from: String, to: String, expected: Int) {
        #expect(WorkingDays.count(from: CalendarDate(parsing: from)!, to: CalendarDate(parsing: to)!) == expected)
    }

    @Test func aRunningPeriodCountsItsWorkingDaysSoFar() {
        let year = Period(parsing: "2026")!
        #expect(WorkingDays.elapsed(in: year, today: CalendarDate(parsing: "2026-01-09")!) == 7)
        #expect(WorkingDays.elapsed(in: year, today: CalendarDate(parsing: "2025-12-31")!) == 0)
        #expect(WorkingDays.elapsed(in: year, today: CalendarDate(parsing: "2030-01-01")!) == 261)
    }
}
