import JSON
import Testing
@testable import WasteDomain

@Suite struct ScoringTests {
    private func day(_ text: String) -> CalendarDate { CalendarDate(parsing: text)! }
    private func inspection(_ tenths: Int64, _ kind: InspectionKind = .monthly, id: Int64 = 1) -> CountedInspection {
        CountedInspection(id: id, institutionID: 1, inspectedOn: day("2026-03-10"), kind: kind, rubricID: 1,
                          total: Points(tenths: tenths))
    }
    private func month(_ text: String, _ outcome: ScoreInputs.LedgerMonth.Outcome) -> ScoreInputs.LedgerMonth {
        let month = YearMonth(parsing: text)!
        return ScoreInputs.LedgerMonth(month: month, dueOn: DistrictSettings().reportDueDate(for: month), outcome: outcome)
    }

    @Test func handComputedScoreWithEveryComponent() {
        // inspections 90.0 and 85.5 → 87.75; ledger on time, late, missing → (1 + 0.5 + 0) / 3 = 50.00;
        // facility 80.0; publicity: training in both quarters (50) + a pledge (50) = 100
        let inputs = ScoreInputs(inspections: [inspection(900), inspection(855, id: 2)],
                                 ledgerMonths: [month("2026-01", .onTime), month("2026-02", .late), month("2026-03", .missing)],
                                 facilityScoreTenths: 800, trainingInEveryQuarter: true, pledgeInPeriod: true)
        let score = ScoreCalculator.score(inputs, scheme: ScoringScheme())
        #expect(score?.inspection == 8775)
        #expect(score?.ledger == 5000)
        #expect(score?.facility == 8000)
        #expect(score?.publicity == 10000)
        // 0.6 × 87.75 + 0.2 × 50 + 0.1 × 80 + 0.1 × 100 = 52.65 + 10 + 8 + 10 = 80.65
        #expect(score?.total == 8065)
        #expect(PeriodScore.text(hundredths: score?.total ?? 0) == "80.65")
    }

    @Test func semiannualAssessmentWeighsHalfOfTheInspectionComponent() {
        // monthly 80.0 and 90.0 (mean 85) with a semi-annual 70.0 → 0.5 × 70 + 0.5 × 85 = 77.5
        let inputs = ScoreInputs(inspections: [inspection(800), inspection(900, id: 2), inspection(700, .semiannual, id: 3)],
                                 ledgerMonths: [], facilityScoreTenths: nil, trainingInEveryQuarter: false, pledgeInPeriod: false)
        #expect(ScoreCalculator.inspectionComponent(inputs.inspections, scheme: ScoringScheme()) == 7750)
        // only a semi-annual assessment: it is the whole component
        #expect(ScoreCalculator.inspectionComponent([inspection(700, .semiannual)], scheme: ScoringScheme()) == 7000)
    }

    @Test func noCountedInspectionLeavesTheInstitutionUnranked() {
        let inputs = ScoreInputs(inspections: [], ledgerMonths: [month("2026-01", .onTime)], facilityScoreTenths: 1000,
                                 trainingInEveryQuarter: true, pledgeInPeriod: true)
        #expect(ScoreCalculator.score(inputs, scheme: ScoringScheme()) == nil)
    }

    @Test func componentsThatDoNotApplyShareTheirWeightOut() {
        // no ledger month due yet and no facility evaluation: 0.6 and 0.1 are renormalised over 0.7
        let inputs = ScoreInputs(inspections: [inspection(900)], ledgerMonths: [], facilityScoreTenths: nil,
                                 trainingInEveryQuarter: false, pledgeInPeriod: true)
        let score = ScoreCalculator.score(inputs, scheme: ScoringScheme())
        #expect(score?.ledger == nil)
        #expect(score?.publicity == 5000)
        // (90 × 600 + 50 × 100) / 700 = 84.2857… → 84.29
        #expect(score?.total == 8429)
    }

    @Test func missingAndLateLedgerMonthsCountAsSpecified() {
        let scheme = ScoringScheme()
        #expect(ScoreCalculator.ledgerComponent([month("2026-01", .missing)], scheme: scheme) == 0)
        #expect(ScoreCalculator.ledgerComponent([month("2026-01", .late)], scheme: scheme) == 5000)
        #expect(ScoreCalculator.ledgerComponent([month("2026-01", .late), month("2026-02", .onTime)], scheme: scheme) == 7500)
        // 2 of 3 on time → 66.666… → 66.67
        #expect(ScoreCalculator.ledgerComponent([month("2026-01", .onTime), month("2026-02", .onTime),
                                                 month("2026-03", .missing)], scheme: scheme) == 6667)
    }

    @Test func publicityIsTrainingInEveryQuarterPlusAPledge() {
        let scheme = ScoringScheme()
        func publicity(_ trained: Bool, _ pledged: Bool) -> Int {
            ScoreCalculator.publicityComponent(ScoreInputs(inspections: [], ledgerMonths: [], facilityScoreTenths: nil,
                                                           trainingInEveryQuarter: trained, pledgeInPeriod: pledged), scheme: scheme)
        }
        #expect(publicity(false, false) == 0)
        #expect(publicity(true, false) == 5000)
        #expect(publicity(false, true) == 5000)
        #expect(publicity(true, true) == 10000)
    }

    @Test func tiesShareARankAndTheNextRankSkips() {
        let ranked = Ranking.rank([(id: 1, key: "A", score: 9000), (id: 2, key: "C", score: 8500),
                                   (id: 3, key: "B", score: 8500), (id: 4, key: "D", score: 8000),
                                   (id: 5, key: "E", score: 9000)])
        #expect(ranked.map(\.rank) == [1, 1, 3, 3, 5])
        #expect(ranked.map(\.id) == [1, 5, 3, 2, 4])  // equal scores listed by key
    }

    @Test func gradesFollowTheThresholds() {
        let thresholds = GradeThresholds()
        #expect(Grade(hundredths: 9000, thresholds: thresholds) == .excellent)
        #expect(Grade(hundredths: 8999, thresholds: thresholds) == .good)
        #expect(Grade(hundredths: 8000, thresholds: thresholds) == .good)
        #expect(Grade(hundredths: 6000, thresholds: thresholds) == .pass)
        #expect(Grade(hundredths: 5999, thresholds: thresholds) == .fail)
        #expect(Grade.fail.chineseName == "不合格")
    }

    @Test func defaultSchemeIsValidAndBrokenOnesSayWhy() {
        #expect(ScoringScheme().problem == nil)
        var broken = ScoringScheme()
        broken.ledgerWeight = 300
        #expect(broken.problem?.contains("add up to 1") == true)
    }
}
