import CalendarDates

/// Everything a notice (通报) says, gathered from the database; renderers lay it out.
///
/// Layout after GB/T 9704-2012: issuing office, document number 机关代字〔年〕序号号, title,
/// addressees, body in numbered sections, attachment 得分排名表, issuing office and date.
public struct NoticeContent: Sendable, Equatable {
    public enum Kind: String, Sendable, CaseIterable {
        case monthly, quarterly, semiannual

        /// The period kind a notice of this kind covers.
        public var periodKind: Period.Kind {
            switch self {
            case .monthly: .month
            case .quarterly: .quarter
            case .semiannual: .half
            }
        }
    }

    public struct Overall: Sendable, Equatable {
        public var activeInstitutions: Int
        public var inspectedInstitutions: Int
        public var inspections: Int
        /// Mean score of the ranked institutions, hundredths; nil when none is ranked.
        public var meanScore: Int?
        /// Ledger reports submitted on time over reports due, as a fraction 0…1.
        public var onTimeRate: Double?
        public var coverageRate: Double?
        /// Kilograms (as exact decimal text) by category code, in GB/T order.
        public var totalsByCategory: [(category: WasteCategory, kilograms: String)]

        public init(activeInstitutions: Int, inspectedInstitutions: Int, inspections: Int, meanScore: Int?,
                    onTimeRate: Double?, coverageRate: Double?, totalsByCategory: [(category: WasteCategory, kilograms: String)]) {
            self.activeInstitutions = activeInstitutions
            self.inspectedInstitutions = inspectedInstitutions
            self.inspections = inspections
            self.meanScore = meanScore
            self.onTimeRate = onTimeRate
            self.coverageRate = coverageRate
            self.totalsByCategory = totalsByCategory
        }

        public static func == (lhs: Overall, rhs: Overall) -> Bool {
            lhs.activeInstitutions == rhs.activeInstitutions && lhs.inspectedInstitutions == rhs.inspectedInstitutions
                && lhs.inspections == rhs.inspections && lhs.meanScore == rhs.meanScore && lhs.onTimeRate == rhs.onTimeRate
                && lhs.coverageRate == rhs.coverageRate
                && lhs.totalsByCategory.map(\.category) == rhs.totalsByCategory.map(\.category)
                && lhs.totalsByCategory.map(\.kilograms) == rhs.totalsByCategory.map(\.kilograms)
        }
    }

    public struct RankedUnit: Sendable, Equatable {
        public var rank: Int
        public var name: String
        public var kind: InstitutionKind
        public var score: Int
        public var grade: Grade

        public init(rank: Int, name: String, kind: InstitutionKind, score: Int, grade: Grade) {
            self.rank = rank
            self.name = name
            self.kind = kind
            self.score = score
            self.grade = grade
        }
    }

    public struct CriticizedUnit: Sendable, Equatable {
        public var name: String
        /// Why: "考核等次为不合格（52.50分）", "10月台帐未报送".
        public var reasons: [String]

        public init(name: String, reasons: [String]) {
            self.name = name
            self.reasons = reasons
        }
    }

    public struct Problem: Sendable, Equatable {
        public var itemCode: String
        public var itemTitle: String
        public var count: Int
        public var institutions: [String]

        public init(itemCode: String, itemTitle: String, count: Int, institutions: [String]) {
            self.itemCode = itemCode
            self.itemTitle = itemTitle
            self.count = count
            self.institutions = institutions
        }
    }

    public struct Rectification: Sendable, Equatable {
        public var institution: String
        public var itemCode: String
        public var description: String
        public var rectifyBy: CalendarDate
        public var overdue: Bool
        /// Rectified, but after `rectifyBy`: listed with the overdue ones.
        public var rectifiedLate: Bool
        /// Whether photos of the finding are on file (evidence attachments): the notice marks it.
        public var hasPhoto: Bool

        public init(institution: String, itemCode: String, description: String, rectifyBy: CalendarDate, overdue: Bool,
                    rectifiedLate: Bool = false, hasPhoto: Bool = false) {
            self.institution = institution
            self.itemCode = itemCode
            self.description = description
            self.rectifyBy = rectifyBy
            self.overdue = overdue
            self.rectifiedLate = rectifiedLate
            self.hasPhoto = hasPhoto
        }

        /// The marker the renderers append to the problem's description.
        public var photoMarker: String { hasPhoto ? "（附照片）" : "" }
    }

    /// A unit in the period's scheme without a ranking, and why (本期未接受检查).
    public struct UnrankedUnit: Sendable, Equatable {
        public var name: String
        public var reason: String

        public init(name: String, reason: String) {
            self.name = name
            self.reason = reason
        }
    }

    /// A month a unit reported as without waste (`no_waste`), with its stated reason.
    public struct NoWasteMonth: Sendable, Equatable {
        public var name: String
        public var month: YearMonth
        public var reason: String

        public init(name: String, month: YearMonth, reason: String) {
            self.name = name
            self.month = month
            self.reason = reason
        }
    }

    public var kind: Kind
    public var period: Period
    public var issuingOffice: String
    public var districtName: String
    /// `尖垃分办〔2020〕7号`; nil for previews and drafts (not numbered until published).
    public var number: String?
    public var addressees: String
    public var issuedOn: CalendarDate
    public var overall: Overall
    public var praised: [RankedUnit]
    public var criticized: [CriticizedUnit]
    public var problems: [Problem]
    public var rectifications: [Rectification]
    public var ranking: [RankedUnit]
    public var unrankedCount: Int
    /// The 版记's 抄送 line (nil: none) and 印发机关 (nil: the issuing office), from the settings.
    public var copiesTo: String? = nil
    public var printingOffice: String? = nil
    /// The unranked units by name with their reason (their count is `unrankedCount`).
    public var unranked: [UnrankedUnit] = []
    /// Months declared without waste in the period.
    public var noWasteMonths: [NoWasteMonth] = []
    /// Set while the period has not ended: the data stop at this day (数据截至…), and the notice
    /// cannot be published.
    public var dataAsOf: CalendarDate?

    public init(kind: Kind, period: Period, issuingOffice: String, districtName: String, number: String?, addressees: String,
                issuedOn: CalendarDate, overall: Overall, praised: [RankedUnit], criticized: [CriticizedUnit],
                problems: [Problem], rectifications: [Rectification], ranking: [RankedUnit], unrankedCount: Int,
                copiesTo: String? = nil, printingOffice: String? = nil) {
        self.kind = kind
        self.period = period
        self.issuingOffice = issuingOffice
        self.districtName = districtName
        self.number = number
        self.addressees = addressees
        self.issuedOn = issuedOn
        self.overall = overall
        self.praised = praised
        self.criticized = criticized
        self.problems = problems
        self.rectifications = rectifications
        self.ranking = ranking
        self.unrankedCount = unrankedCount
        self.copiesTo = copiesTo
        self.printingOffice = printingOffice
    }

    /// 关于2020年第二季度党政机关等公共机构生活垃圾分类工作检查情况的通报
    public var title: String {
        "关于\(period.chineseName)党政机关等公共机构生活垃圾分类工作检查情况的通报"
    }

    /// 2020年6月30日: 成文日期 in Arabic numerals.
    public var issuedOnChinese: String { NoticeText.date(issuedOn) }

    /// 数据截至2026年12月4日, for a notice of a running period.
    public var dataAsOfChinese: String? {
        dataAsOf.map { "数据截至\($0.year)年\($0.month)月\($0.day)日" }
    }

    /// The number as printed, with a placeholder while unnumbered.
    public var numberText: String { number ?? "（未编号草稿）" }
}
