import JSON

/// 全覆盖 of one institution in one period: which of its conditions stand unmet (docs/DECISIONS.md,
/// "Coverage per institution"). The overview's totals and `GET /v1/coverage` both come from here.
public struct CoverageAssessment: Sendable, Equatable {
    public enum Condition: String, Sendable, CaseIterable {
        case workingBody = "working_body", plan, facilities, ledger, inspection
    }

    /// One unmet condition with what stands in the way, in Chinese for the office.
    public struct Unmet: Sendable, Equatable {
        public let condition: Condition
        public let messageZh: String
    }

    public let unmet: [Unmet]
    public var covered: Bool { unmet.isEmpty }

    /// What the assessment looks at, as of the period's evaluation date `asOf`.
    public struct Facts: Sendable {
        public var workingBodyEstablishedOn: CalendarDate?
        public var planSubmittedOn: CalendarDate?
        /// The coverage-relevant facility rules that are not met (rule codes).
        public var failedFacilityRules: [String]
        /// Owed months whose report is missing.
        public var missingMonths: [YearMonth]
        /// Totals (tenths of a point) of the counted inspections of the period.
        public var inspectionTotalsTenths: [Int64]

        public init(workingBodyEstablishedOn: CalendarDate?, planSubmittedOn: CalendarDate?, failedFacilityRules: [String],
                    missingMonths: [YearMonth], inspectionTotalsTenths: [Int64]) {
            self.workingBodyEstablishedOn = workingBodyEstablishedOn
            self.planSubmittedOn = planSubmittedOn
            self.failedFacilityRules = failedFacilityRules
            self.missingMonths = missingMonths
            self.inspectionTotalsTenths = inspectionTotalsTenths
        }
    }

    /// The facility rules whose shortfall means an institution is not yet covered.
    public static let facilityRules = ["hazardous_point", "office_point_bins", "canteen_point_bins"]

    /// The lowest counted inspection total that covers, in tenths (60 points).
    public static let passingTenths: Int64 = 600

    public init(_ facts: Facts, asOf: CalendarDate) {
        var unmet: [Unmet] = []
        func add(_ condition: Condition, _ message: String) { unmet.append(Unmet(condition: condition, messageZh: message)) }
        if let on = facts.workingBodyEstablishedOn, on <= asOf {} else { add(.workingBody, "未成立垃圾分类工作机构") }
        if let on = facts.planSubmittedOn, on <= asOf {} else { add(.plan, "未制定报送实施方案") }
        if !facts.failedFacilityRules.isEmpty {
            let names = facts.failedFacilityRules.map { Self.facilityRuleNamesZh[$0] ?? $0 }
            add(.facilities, "投放设施不达标：" + names.joined(separator: "、"))
        }
        if !facts.missingMonths.isEmpty {
            add(.ledger, facts.missingMonths.map(\.chineseName).joined(separator: "、") + "台账未报送")
        }
        if facts.inspectionTotalsTenths.isEmpty {
            add(.inspection, "本期未接受检查")
        } else if !facts.inspectionTotalsTenths.contains(where: { $0 >= Self.passingTenths }) {
            add(.inspection, "本期检查得分均低于60分")
        }
        self.unmet = unmet
    }

    static let facilityRuleNamesZh = [
        "hazardous_point": "未设置有害垃圾收集点",
        "office_point_bins": "办公楼层收集点未配齐可回收物和其他垃圾收集容器",
        "canteen_point_bins": "食堂收集点未配置厨余垃圾收集容器",
    ]
}
