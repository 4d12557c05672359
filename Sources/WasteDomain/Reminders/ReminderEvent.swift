import JSON

/// What the server tells people they must act on (docs/DECISIONS.md, "Reminders", says who acts on each).
public enum ReminderEvent: String, Sendable, CaseIterable, Comparable {
    /// A month's ledger report is due within 3 days and is not submitted (催报).
    case ledgerReportDueSoon = "ledger_report_due_soon"
    /// A month's ledger report is past its due date and not submitted.
    case ledgerReportOverdue = "ledger_report_overdue"
    /// An open finding's rectification deadline is within 3 days.
    case findingDueSoon = "finding_due_soon"
    /// An open finding is past its rectification deadline (督办).
    case findingOverdue = "finding_overdue"
    /// A clerk reported a finding rectified: an inspector should verify it.
    case rectificationAwaitingVerification = "rectification_awaiting_verification"
    /// The office returned a ledger report for correction.
    case ledgerReportReturned = "ledger_report_returned"
    /// A notice (通报) was published.
    case noticePublished = "notice_published"

    /// Events the scheduler produces from the state of the database each day; the others are
    /// produced by the change itself, in its own transaction.
    public static let scheduled: [ReminderEvent] = [.ledgerReportDueSoon, .ledgerReportOverdue, .findingDueSoon, .findingOverdue]

    /// Days before a deadline from which `…_due_soon` is sent, every day until the deadline.
    public static let dueSoonDays = 3

    public static func < (lhs: ReminderEvent, rhs: ReminderEvent) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// Which reminder, if any, a deadline calls for today: `dueSoon` from 3 days before the
/// deadline through the deadline itself, `overdue` every day after it.
public enum DeadlineReminder: Sendable, Equatable {
    case dueSoon(daysLeft: Int)
    case overdue(daysLate: Int)

    public static func on(_ today: CalendarDate, deadline: CalendarDate) -> DeadlineReminder? {
        let daysLeft = today.days(to: deadline)
        if daysLeft < 0 { return .overdue(daysLate: -daysLeft) }
        return daysLeft <= ReminderEvent.dueSoonDays ? .dueSoon(daysLeft: daysLeft) : nil
    }
}
