import JSON
import Testing
@testable import WasteDomain

@Suite struct ScoringTests {
    private func day(_ text: String) -> CalendarDate { CalendarDate(parsing: text)! }
    private func inspection(_ tenths: Int, _ kind: String = "monthly", id: Int64 = 1) -> ScoreInputs.Inspection {
        ScoreInputs.Inspection(id: id, inspectedOn: day("2026-03-10"), kind: kind, totalTenths: tenths)
    }
    private func month(_ text: String, _ outcome: ScoreInputs.LedgerMonth.Outcome) -> ScoreInputs.LedgerMonth {
        ScoreInputs.LedgerMonth(month: YearMonth(parsing: text)!, outcome: outcome)
    }
    private let q1 = Period(parsing: "2026-Q1")!
    private let q2 = Period(parsing: "2026-Q2")!

    @Test func handComputedScoreWithEveryComponent() {
        // inspections 90.0 and 85.5 → 87.75; ledger on time, late, missing → (1 + 0.5 + 0) / 3 = 50.00;
        // facility 80.0; publicity: training in both quarters (50) + a pledge (50) = 100
        let inputs = ScoreInputs(inspections: [inspection(900), inspection(855, id: 2)],
                                 ledgerMonths: [month("2026-01", .onTime), month("2026-02", .late), month("2026-03", .missing)],
                                 facilityScoreTenths: 800, trainingQuarters: [(q1, true), (q2, true)], pledgeActivities: 1)
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
        let inputs = ScoreInputs(inspections: [inspection(800), inspection(900, id: 2), inspection(700, "semiannual", id: 3)],
                                 ledgerMonths: [], facilityScoreTenths: nil, trainingQuarters: [], pledgeActivities: 0)
        #expect(ScoreCalculator.inspectionComponent(inputs.inspections, scheme: ScoringScheme()) == 7750)
        // only a semi-annual assessment: it is the whole component
        #expect(ScoreCalculator.inspectionComponent([inspection(700, "semiannual")], scheme: ScoringScheme()) == 7000)
    }

    @Test func noCountedInspectionLeavesTheInstitutionUnranked() {
        let inputs = ScoreInputs(inspections: [], ledgerMonths: [month("2026-01", .onTime)], facilityScoreTenths: 1000,
                                 trainingQuarters: [(q1, true)], pledgeActivities: 1)
        #expect(ScoreCalculator.score(inputs, scheme: ScoringScheme()) == nil)
    }

    @Test func componentsThatDoNotApplyShareTheirWeightOut() {
        // no ledger month due yet and no facility evaluation: 0.6 and 0.1 are renormalised over 0.7
        let inputs = ScoreInputs(inspections: [inspection(900)], ledgerMonths: [], facilityScoreTenths: nil,
                                 trainingQuarters: [(q1, false)], pledgeActivities: 1)
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

    @Test func publicityNeedsTrainingInEveryQuarter() {
        let scheme = ScoringScheme()
        func publicity(_ quarters: [(Period, Bool)], pledges: Int) -> Int {
            ScoreCalculator.publicityComponent(ScoreInputs(inspections: [], ledgerMonths: [], facilityScoreTenths: nil,
                                                           trainingQuarters: quarters.map { ($0.0, $0.1) },
                                                           pledgeActivities: pledges), scheme: scheme)
        }
        #expect(publicity([(q1, true), (q2, false)], pledges: 0) == 0)
        #expect(publicity([(q1, true), (q2, true)], pledges: 0) == 5000)
        #expect(publicity([(q1, false)], pledges: 2) == 5000)
        #expect(publicity([], pledges: 0) == 0)
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
