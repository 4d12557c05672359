import JSON

/// The Chinese sentences reminders carry, written for the person who must act: who, what, by
/// when, and what to do now.
public enum ReminderMessages {
    /// `2026年12月5日`.
    public static func chineseDate(_ date: CalendarDate) -> String { "\(date.year)年\(date.month)月\(date.day)日" }

    public static func ledgerReportDueSoon(institution: String, month: YearMonth, dueOn: CalendarDate, returned: Bool) -> String {
        let state = returned ? "已被退回，目前尚未重新报送" : "目前尚未报送"
        return "【催报】\(institution)：\(month.chineseName)台账应于\(chineseDate(dueOn))前报送，\(state)。请登录系统报送。"
    }

    public static func ledgerReportOverdue(institution: String, month: YearMonth, dueOn: CalendarDate, daysLate: Int) -> String {
        "【逾期未报】\(institution)：\(month.chineseName)台账应于\(chineseDate(dueOn))前报送，已逾期\(daysLate)天，目前尚未报送。请立即登录系统报送。"
    }

    public static func ledgerReportReturned(institution: String, month: YearMonth, dueOn: CalendarDate, reason: String) -> String {
        "【台账退回】\(institution)：\(month.chineseName)台账已被退回，原因：\(reason)。请修改后于\(chineseDate(dueOn))前重新报送。"
    }

    public static func findingDueSoon(institution: String, description: String, rectifyBy: CalendarDate) -> String {
        "【整改提醒】\(institution)：检查发现的问题“\(description)”应于\(chineseDate(rectifyBy))前完成整改，目前尚未整改。请按期整改并在系统中报告整改情况。"
    }

    public static func findingOverdue(institution: String, description: String, rectifyBy: CalendarDate, daysLate: Int) -> String {
        "【整改逾期】\(institution)：检查发现的问题“\(description)”应于\(chineseDate(rectifyBy))前完成整改，已逾期\(daysLate)天。请立即整改并在系统中报告整改情况。"
    }

    public static func rectificationAwaitingVerification(institution: String, description: String, note: String) -> String {
        "【待核查】\(institution)已报告问题“\(description)”整改完成（整改说明：\(note)）。请检查组及时核查。"
    }

    public static func noticePublished(office: String, number: String, title: String) -> String {
        "【通报】\(office)印发\(number)《\(title)》。请各单位登录系统查阅，并对照整改。"
    }

    /// A short title (e-mail subject, robot card title): the bracketed tag and the unit.
    public static func title(of message: String) -> String {
        guard let colon = message.firstIndex(where: { $0 == "：" || $0 == "。" }) else { return String(message.prefix(40)) }
        return String(message[..<colon])
    }
}
