import JSON
import Testing
import WasteDomain

@Suite struct ActivityRulesTests {
    @Test(arguments: [
        (2, 3, 6667), (1, 3, 3333), (0, 7, 0), (7, 7, 10000), (1, 8, 1250),
        (1, 20000, 1), (1, 20001, 0), (1, 19999, 1), (999_999, 1_000_000, 10000),
    ] as [(Int64, Int64, Int64)])
    func surveyRatesRoundHalfUpToTenThousandths(_ part: Int64, _ whole: Int64, _ expected: Int64) {
        #expect(SurveyRates.rate(part, of: whole) == expected)
    }

    @Test func surveyRatesRefuseImpossibleCounts() {
        #expect(SurveyRates.rate(1, of: 0) == nil)
        #expect(SurveyRates.rate(4, of: 3) == nil)
        #expect(SurveyRates.rate(-1, of: 3) == nil)
    }

    @Test func aTaskIsOverdueOnlyAfterItsDueDayAndWhileNotDone() throws {
        let due = try #require(CalendarDate(year: 2020, month: 6, day: 30))
        let nextDay = try #require(CalendarDate(year: 2020, month: 7, day: 1))
        #expect(!TaskStatus.isOverdue(status: .open, dueOn: due, today: due))
        #expect(TaskStatus.isOverdue(status: .open, dueOn: due, today: nextDay))
        #expect(TaskStatus.isOverdue(status: .inProgress, dueOn: due, today: nextDay))
        #expect(!TaskStatus.isOverdue(status: .done, dueOn: due, today: nextDay))
    }

    @Test func doneOnIsRequiredExactlyForDoneTasks() throws {
        let day = try #require(CalendarDate(year: 2020, month: 6, day: 1))
        #expect(TaskStatus.doneOnProblem(status: .done, doneOn: day) == nil)
        #expect(TaskStatus.doneOnProblem(status: .done, doneOn: nil) != nil)
        #expect(TaskStatus.doneOnProblem(status: .open, doneOn: nil) == nil)
        #expect(TaskStatus.doneOnProblem(status: .inProgress, doneOn: day) != nil)
    }

    private func on(_ text: String, _ kind: ActivityKind) -> (kind: ActivityKind, heldOn: CalendarDate) {
        (kind, CalendarDate(parsing: text) ?? CalendarDate(year: 1970, month: 1, day: 1)!)
    }

    @Test func publicityNeedsTrainingInEveryQuarterAndAPledgeInThePeriod() throws {
        let half = try #require(Period(parsing: "2020-H1"))
        let q1Training = on("2020-02-10", .training)
        let q2Training = on("2020-06-30", .training)
        let pledge = on("2020-04-01", .pledge)
        #expect(PublicityComponent.score([q1Training, q2Training, pledge], in: half) == 100)
        #expect(PublicityComponent.score([q1Training, q2Training], in: half) == 50)
        #expect(PublicityComponent.score([q1Training, pledge], in: half) == 50)
        #expect(PublicityComponent.score([on("2020-05-01", .commitmentSigning)], in: half) == 50)
        #expect(PublicityComponent.score([on("2020-05-01", .materials), on("2020-07-01", .pledge)], in: half) == 0)
        #expect(PublicityComponent.score([on("2019-12-31", .training), q2Training, pledge], in: half) == 50)
    }

    @Test func aMonthCountsTheTrainingsOfItsQuarterSoFar() throws {
        let february = try #require(Period(parsing: "2020-02"))
        #expect(PublicityComponent.trainingInEveryQuarter([on("2020-01-15", .training)], in: february))
        #expect(!PublicityComponent.trainingInEveryQuarter([on("2020-03-01", .training)], in: february))
    }
}
