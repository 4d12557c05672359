import JSON
import Testing
@testable import WasteDomain

/// The default rubric's shape (titles do not matter here).
let sampleRubric: Rubric = {
    let maxima: [(String, String, Int64)] = [
        ("A1", "A", 50), ("A2", "A", 50), ("A3", "A", 50), ("A4", "A", 50), ("A5", "A", 50), ("A6", "A", 50),
        ("B1", "B", 100), ("B2", "B", 50), ("B3", "B", 50), ("B4", "B", 50),
        ("C1", "C", 100), ("C2", "C", 50), ("C3", "C", 150), ("C4", "C", 50), ("C5", "C", 50), ("C6", "C", 50),
    ]
    return Rubric(version: 1,
                  sections: ["A", "B", "C"].map { RubricSection(code: $0, titleZh: $0, titleEn: $0) },
                  items: maxima.map { RubricItem(code: $0.0, section: $0.1, titleZh: $0.0, titleEn: $0.0, maxPoints: Points(tenths: $0.2)) })
}()

/// Every item at its maximum except `overrides` (literal score text).
func entries(_ overrides: [String: String] = [:], dropping dropped: Set<String> = []) -> [ScoreSheet.Entry] {
    sampleRubric.items.filter { !dropped.contains($0.code) }.map { item in
        ScoreSheet.Entry(code: item.code, score: JSONNumber(overrides[item.code] ?? item.maxPoints.description)!)
    }
}

@Suite struct InspectionScoringTests {
    @Test(arguments: [
        ("9.5", Points.ReadProblem?.none, Int64(95)), ("10", nil, 100), ("9.50", nil, 95), ("1e1", nil, 100),
        ("0", nil, 0), ("-0.5", nil, -5), ("9.55", .tooManyDecimals, 0), ("0.01", .tooManyDecimals, 0),
        ("1e400", .tooLarge, 0),
    ])
    func pointsAreReadExactlyWithOneDecimal(text: String, problem: Points.ReadProblem?, tenths: Int64) throws {
        switch Points.read(try #require(JSONNumber(text))) {
        case .success(let points):
            #expect(problem == nil)
            #expect(points.tenths == tenths)
        case .failure(let error):
            #expect(error == problem)
        }
    }

    @Test func defaultRubricTotalsOneHundredInThreeSections() {
        #expect(sampleRubric.total == Rubric.totalPoints)
        #expect(sampleRubric.maxPoints(of: "A") == Points(tenths: 300))
        #expect(sampleRubric.maxPoints(of: "B") == Points(tenths: 250))
        #expect(sampleRubric.maxPoints(of: "C") == Points(tenths: 450))
    }

    @Test func totalIsTheExactSumOfDecimalScores() throws {
        guard case .valid(let sheet) = ScoreSheet.evaluate(entries(["A1": "4.5", "B1": "9.5", "C3": "12.3", "C6": "0.1"]),
                                                           against: sampleRubric) else {
            Issue.record("a valid sheet was refused")
            return
        }
        // 100 − 0.5 − 0.5 − 2.7 − 4.9 = 91.4, with no floating-point drift
        #expect(sheet.total == Points(tenths: 914))
        #expect(sheet.total.description == "91.4")
        #expect(sheet.total(of: "C", in: sampleRubric) == Points(tenths: 450 - 27 - 49))
        #expect(sheet.scores.map(\.code) == sampleRubric.items.map(\.code))
    }

    @Test func scoresComeOutInRubricOrderWhateverTheInputOrder() {
        guard case .valid(let sheet) = ScoreSheet.evaluate(entries().reversed(), against: sampleRubric) else {
            Issue.record("a valid sheet was refused")
            return
        }
        #expect(sheet.scores.map(\.code) == sampleRubric.items.map(\.code))
        #expect(sheet.total == Rubric.totalPoints)
    }

    @Test(arguments: [
        ("5.1", "A1", ScoreSheet.Problem.outOfRange(index: 0, code: "A1", max: Points(tenths: 50))),
        ("-0.1", "A1", .outOfRange(index: 0, code: "A1", max: Points(tenths: 50))),
        ("4.55", "A1", .tooManyDecimals(index: 0, code: "A1")),
        ("15.1", "C3", .outOfRange(index: 12, code: "C3", max: Points(tenths: 150))),
        ("1e30", "C3", .outOfRange(index: 12, code: "C3", max: Points(tenths: 150))),
    ])
    func outOfRangeAndTooManyDecimalsNameTheItem(score: String, code: String, expected: ScoreSheet.Problem) {
        #expect(ScoreSheet.evaluate(entries([code: score]), against: sampleRubric) == .invalid([expected]))
    }

    @Test(arguments: ["0", "5", "0.0", "5.0", "2.5"])
    func boundsAreInclusive(score: String) {
        if case .valid = ScoreSheet.evaluate(entries(["A1": score]), against: sampleRubric) {} else {
            Issue.record("\(score) was refused")
        }
    }

    @Test func everyItemIsRequiredAndMissingOnesAreListedInRubricOrder() {
        #expect(ScoreSheet.evaluate(entries(dropping: ["C6", "A3"]), against: sampleRubric) == .invalid([.missingItems(["A3", "C6"])]))
        #expect(ScoreSheet.evaluate([], against: sampleRubric) == .invalid([.missingItems(sampleRubric.items.map(\.code))]))
    }

    @Test func unknownRepeatedAndBadItemsAreAllReportedAtOnce() throws {
        var list = entries(["A1": "5.55", "B1": "11"], dropping: ["C6"])
        list.append(ScoreSheet.Entry(code: "X9", score: try #require(JSONNumber("1"))))
        list.append(ScoreSheet.Entry(code: "A2", score: try #require(JSONNumber("1"))))
        let result = ScoreSheet.evaluate(list, against: sampleRubric)
        #expect(result == .invalid([
            .tooManyDecimals(index: 0, code: "A1"),
            .outOfRange(index: 6, code: "B1", max: Points(tenths: 100)),
            .unknownItem(index: 15, code: "X9"),
            .duplicateItem(index: 16, code: "A2"),
            .missingItems(["C6"]),
        ]))
    }

    @Test(arguments: [
        (Int64(1000), Grade.excellent), (900, .excellent), (899, .good), (800, .good), (799, .pass),
        (600, .pass), (599, .fail), (0, .fail),
    ])
    func gradesStartAtTheirThresholds(tenths: Int64, grade: Grade) {
        #expect(Grade(points: Points(tenths: tenths), thresholds: GradeThresholds()) == grade)
    }

    @Test func gradesFollowTheDistrictsThresholdsAndAnyScale() {
        let strict = GradeThresholds(excellent: 95, good: 85, pass: 70)
        #expect(Grade(points: Points(tenths: 940), thresholds: strict) == .good)
        #expect(Grade(points: Points(tenths: 950), thresholds: strict) == .excellent)
        #expect(Grade(points: Points(tenths: 699), thresholds: strict) == .fail)
        #expect(Grade(scaled: 8999, decimals: 2, thresholds: GradeThresholds()) == .good)
        #expect(Grade(scaled: 9000, decimals: 2, thresholds: GradeThresholds()) == .excellent)
        #expect(Grade.allCases.map(\.chineseName) == ["优秀", "良好", "合格", "不合格"])
    }

    @Test(arguments: [
        (10, 9, true, 9000), (100, 89, false, 8900), (40, 37, true, 9250), (3, 2, false, 6667), (1, 0, false, 0),
    ])
    func accuracyIsCorrectOverChecked(checked: Int, correct: Int, meets: Bool, basisPoints: Int) throws {
        let sample = try #require(AccuracySample(binsChecked: checked, binsCorrect: correct))
        #expect(sample.meetsTarget == meets)
        #expect(sample.rateBasisPoints == basisPoints)
        #expect(abs(sample.rate - Double(correct) / Double(checked)) < 1e-12)
    }

    @Test(arguments: [(0, 0), (5, 6), (5, -1), (-1, 0), (100_001, 1)])
    func impossibleSamplesAreRefused(checked: Int, correct: Int) {
        #expect(AccuracySample(binsChecked: checked, binsCorrect: correct) == nil)
    }

    @Test func countedInspectionsGroupByInstitutionInDateOrder() throws {
        func inspection(_ id: Int64, _ institution: Int64, _ date: String) throws -> CountedInspection {
            CountedInspection(id: id, institutionID: institution, inspectedOn: try #require(CalendarDate(parsing: date)),
                              kind: .monthly, rubricID: 1, total: Points(tenths: 900))
        }
        let grouped = CountedInspection.byInstitution([
            try inspection(3, 1, "2020-05-02"), try inspection(1, 2, "2020-04-01"), try inspection(2, 1, "2020-04-09"),
        ])
        #expect(grouped[1]?.map(\.id) == [2, 3])
        #expect(grouped[2]?.map(\.id) == [1])
        #expect(grouped[1]?.first?.grade(GradeThresholds()) == .excellent)
    }
}
