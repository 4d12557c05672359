import JSON
import Testing
@testable import WasteDomain

@Suite struct InspectionRulesTests {
    @Test func theSampleRubricIsWellFormed() {
        #expect(RubricRules.problems(sections: sampleRubric.sections, items: sampleRubric.items).isEmpty)
    }

    @Test func rubricProblemsAreAllReported() {
        let sections = [RubricSection(code: "A", titleZh: "甲", titleEn: "A"), RubricSection(code: "A", titleZh: "甲", titleEn: "A"),
                        RubricSection(code: "Z", titleZh: "空", titleEn: "Empty")]
        let items = [RubricItem(code: "A1", section: "A", titleZh: "一", titleEn: "one", maxPoints: Points(tenths: 500)),
                     RubricItem(code: "A1", section: "A", titleZh: "一", titleEn: "one", maxPoints: Points(tenths: 400)),
                     RubricItem(code: "B1", section: "B", titleZh: "二", titleEn: "two", maxPoints: Points(tenths: 99))]
        #expect(RubricRules.problems(sections: sections, items: items) == [
            .duplicateSection(index: 1, code: "A"),
            .duplicateItem(index: 1, code: "A1"),
            .unknownSection(index: 2, section: "B"),
            .emptySection(index: 2, code: "Z"),
            .wrongTotal(Points(tenths: 999)),
        ])
    }

    @Test(arguments: [("A1", true), ("c3", true), ("1", true), ("A.1-b_2", true), ("", false), ("-A", false),
                      ("A 1", false), ("甲1", false), ("ABCDEFGHIJKLMNOPQ", false)])
    func rubricCodesAreShortAsciiNames(code: String, valid: Bool) {
        #expect(RubricRules.isValidCode(code) == valid)
    }

    @Test func inspectionStatusesMoveOnlyForward() {
        let allowed: Set<String> = ["draft>finalized", "draft>voided", "finalized>voided"]
        for from in InspectionStatus.allCases {
            for to in InspectionStatus.allCases {
                #expect(from.canTransition(to: to) == allowed.contains("\(from.rawValue)>\(to.rawValue)"), "\(from) → \(to)")
            }
        }
        #expect(InspectionStatus.allCases.filter(\.counts) == [.finalized])
        #expect(InspectionStatus.allCases.filter(\.isEditable) == [.draft])
    }

    /// Every (status, action) pair: the legal ones and where they lead; every other is refused.
    @Test func findingStateMachineAllowsExactlyTheDocumentedTransitions() {
        let legal: [String: FindingStatus] = [
            "pending.publish": .open,
            "open.rectify": .rectified,
            "rectified.verify": .verified,
            "rectified.reopen": .open,
            "verified.reopen": .open,
            "pending.withdraw": .withdrawn,
            "open.withdraw": .withdrawn,
            "rectified.withdraw": .withdrawn,
            "verified.withdraw": .withdrawn,
        ]
        for status in FindingStatus.allCases {
            for action in FindingStatus.Action.allCases {
                #expect(status.applying(action) == legal["\(status.rawValue).\(action.rawValue)"], "\(status) + \(action)")
            }
        }
        #expect(FindingStatus.sources(of: .reopen) == [.rectified, .verified])
        #expect(FindingStatus.sources(of: .rectify) == [.open])
    }

    @Test(arguments: [
        // status, rectify_by, rectified on, today, overdue, rectified late
        (FindingStatus.open, "2020-06-20", String?.none, "2020-06-20", false, false),
        (.open, "2020-06-20", nil, "2020-06-21", true, false),
        (.open, "2020-06-20", nil, "2021-01-01", true, false),
        (.rectified, "2020-06-20", "2020-06-20", "2020-07-01", false, false),
        (.rectified, "2020-06-20", "2020-06-21", "2020-06-21", true, true),
        (.verified, "2020-06-20", "2020-06-25", "2020-07-01", true, true),
        (.verified, "2020-06-20", "2020-06-19", "2020-07-01", false, false),
        (.withdrawn, "2020-06-20", nil, "2020-07-01", false, false),
        (.pending, "2020-06-20", nil, "2020-07-01", false, false),
    ])
    func overdueMeansOpenPastTheDeadlineOrRectifiedLate(status: FindingStatus, by: String, rectifiedOn: String?, today: String,
                                                        overdue: Bool, late: Bool) throws {
        let deadline = FindingDeadline(status: status, rectifyBy: try #require(CalendarDate(parsing: by)),
                                       rectifiedOn: rectifiedOn.flatMap { CalendarDate(parsing: $0) },
                                       today: try #require(CalendarDate(parsing: today)))
        #expect(deadline.overdue == overdue)
        #expect(deadline.rectifiedLate == late)
    }
}
