import JSON
import Testing
@testable import WasteDomain

@Suite struct LedgerReportStateTests {
    /// Every action from every status: the legal ones and where they lead; all others refused.
    @Test(arguments: [
        (ReportAction.submit, ReportStatus.open, ReportStatus?.some(.submitted)),
        (.submit, .returned, .submitted),
        (.submit, .submitted, nil),
        (.submit, .accepted, nil),
        (.accept, .submitted, .accepted),
        (.accept, .open, nil),
        (.accept, .accepted, nil),
        (.accept, .returned, nil),
        (.return, .submitted, .returned),
        (.return, .open, nil),
        (.return, .accepted, nil),
        (.return, .returned, nil),
    ])
    func transitionTable(action: ReportAction, from: ReportStatus, to expected: ReportStatus?) {
        switch ReportTransition.apply(action, to: from) {
        case .success(let status):
            #expect(status == expected)
        case .failure(let illegal):
            #expect(expected == nil)
            #expect(illegal.current == from)
            #expect(illegal.message.contains("the report is \(from.rawValue)"))
        }
    }

    @Test func onlySubmittedAndAcceptedFreezeEntries() {
        #expect(ReportStatus.allCases.filter(\.freezesEntries) == [.submitted, .accepted])
    }

    @Test func illegalSubmitSaysWhichStatusesAllowIt() {
        guard case .failure(let illegal) = ReportTransition.apply(.submit, to: .accepted) else {
            Issue.record("submitting an accepted report must fail")
            return
        }
        #expect(illegal.message == "the report is accepted; only a report that is open or returned can be submitted")
    }

    private let deadline = ReportDeadline(month: YearMonth(year: 2026, month: 10)!, dueOn: CalendarDate(year: 2026, month: 11, day: 5)!,
                                          utcOffsetMinutes: 480)

    private func at(_ text: String) -> Timestamp { Timestamp(parsing: text)! }

    @Test(arguments: [
        // Submitted late only when the district's date of the submission is after due_on.
        (ReportStatus.submitted, "2026-11-05T15:59:59Z", "2026-12-01T00:00:00Z", false),  // 23:59:59 on the 5th in UTC+8
        (.submitted, "2026-11-05T16:00:00Z", "2026-12-01T00:00:00Z", true),               // 00:00 on the 6th in UTC+8
        (.accepted, "2026-11-02T01:00:00Z", "2027-01-01T00:00:00Z", false),
        (.accepted, "2026-11-20T01:00:00Z", "2027-01-01T00:00:00Z", true),
    ])
    func submissionLatenessUsesTheDistrictDate(status: ReportStatus, submitted: String, now: String, late: Bool) {
        #expect(deadline.isLate(status: status, submittedAt: at(submitted), now: at(now)) == late)
    }

    @Test(arguments: [
        (ReportStatus.open, "2026-11-05T15:00:00Z", false),
        (.open, "2026-11-05T16:00:00Z", true),
        (.returned, "2026-11-04T00:00:00Z", false),
        (.returned, "2026-11-10T00:00:00Z", true),
    ])
    func unsubmittedReportsAreLateOncePastDue(status: ReportStatus, now: String, late: Bool) {
        #expect(deadline.isLate(status: status, submittedAt: at("2026-11-01T00:00:00Z"), now: at(now)) == late)
    }

    @Test(arguments: [
        ("2026-10-31T15:59:59Z", false),  // still 31 October in UTC+8
        ("2026-10-31T16:00:00Z", true),   // 1 November in UTC+8
        ("2026-10-15T00:00:00Z", false),
        ("2026-09-30T00:00:00Z", false),
    ])
    func aMonthCanBeSubmittedOnlyOnceItIsOver(now: String, allowed: Bool) {
        #expect(deadline.canSubmit(at: at(now)) == allowed)
    }
}
