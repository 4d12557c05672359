import CalendarDates

/// What the district configures (docs/API.md, Conventions): names used in notices, the categories it sorts,
/// when monthly ledger reports are due, and where the grades start.
public struct DistrictSettings: Sendable, Equatable {
    public var districtName = "尖山区"
    /// The plan's own office (the demo district's), which notices are issued and printed by.
    public var issuingOffice = "尖山区党政机关等公共机构生活垃圾分类工作领导小组办公室"
    /// The 机关代字 of notice numbers: `尖垃分办〔2020〕7号`.
    public var noticePrefix = "尖垃分办"
    /// The 主送机关 line of notices.
    public var noticeAddressees = "区直各党政机关、事业单位、团体组织、国有企业"
    /// The 版记's 抄送 line of notices (empty: none).
    public var noticeCC = ""
    /// The 版记's 印发机关 (empty: the issuing office).
    public var printingOffice = ""
    public var categoriesInForce: [WasteCategory] = WasteCategory.allCases
    /// A month's ledger report is due on this day of the following month.
    public var reportDueDay = 5
    public var gradeThresholds = GradeThresholds()
    /// The district's offset from UTC, for "which day" questions (China: UTC+8 all year).
    public var utcOffsetMinutes = 480
    /// The language of error texts for requests without `Accept-Language` (BCP 47: zh-CN or en).
    public var language = "zh-CN"
    /// Roles whose users must log in with a TOTP code as well as their password.
    public var requireTOTPFor: [Role] = []
    /// The only hosts reminders may be sent to (webhooks, robots, the mail relay).
    public var outboundHosts: [String] = []
    /// The relay e-mail reminders go through; nil: no e-mail.
    public var smtp: SMTPRelay?
    /// Which disposals each category may have (`disposal_rules`).
    public var disposalRules = DisposalRules.standard
    /// The working-day calendar per year (`calendar`), for kg per staff per working day.
    public var calendar = WorkingCalendar.official
    /// Whether reporting a finding rectified needs a `rectified` photo or document first.
    public var rectificationRequiresPhoto = true

    public init() {}

    public func isInForce(_ category: WasteCategory) -> Bool { categoriesInForce.contains(category) }

    /// The day a month's report is due.
    public func reportDueDate(for month: YearMonth) -> CalendarDate {
        let next = month.next
        let day = min(reportDueDay, CalendarDate.daysIn(month: next.month, year: next.year))
        return CalendarDate(year: next.year, month: next.month, day: day)!
    }
}

/// Lower bounds (points out of 100) of the grades 优秀, 良好 and 合格.
public struct GradeThresholds: Sendable, Equatable {
    public var excellent = 90
    public var good = 80
    public var pass = 60

    public init(excellent: Int = 90, good: Int = 80, pass: Int = 60) {
        self.excellent = excellent
        self.good = good
        self.pass = pass
    }

    public var isOrdered: Bool { 0 <= pass && pass < good && good < excellent && excellent <= 100 }
}
