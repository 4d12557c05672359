import CalendarDates

/// When a month's report may be submitted and whether it is late.
///
/// Days are civil dates in the district's fixed UTC offset (China: UTC+8), so a report sent at
/// 23:30 local time on the due day is on time even though it is already the next day in UTC.
public struct ReportDeadline: Sendable, Equatable {
    public let month: YearMonth
    public let dueOn: CalendarDate
    public let utcOffsetMinutes: Int

    public init(month: YearMonth, dueOn: CalendarDate, utcOffsetMinutes: Int) {
        self.month = month
        self.dueOn = dueOn
        self.utcOffsetMinutes = utcOffsetMinutes
    }

    /// A month can be submitted once it has ended: its last day is over in the district.
    /// Submitting the current or a future month would freeze a ledger still being written.
    public func canSubmit(at now: Timestamp) -> Bool {
        now.date(utcOffsetMinutes: utcOffsetMinutes) > month.lastDay
    }

    /// Late when the (latest) submission's local date is after `dueOn`, or, with no standing
    /// submission (open or returned), when today is already past `dueOn`.
    public func isLate(status: ReportStatus, submittedAt: Timestamp?, now: Timestamp) -> Bool {
        switch status {
        case .submitted, .accepted:
            guard let submittedAt else { return false }
            return submittedAt.date(utcOffsetMinutes: utcOffsetMinutes) > dueOn
        case .open, .returned:
            return now.date(utcOffsetMinutes: utcOffsetMinutes) > dueOn
        }
    }
}
