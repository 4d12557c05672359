import CalendarDates

/// Working days for "kg per staff member per working day": Monday to Friday.
///
/// Public holidays and the weekend make-up working days (调休) of the State Council calendar
/// are not modelled; the figure is a comparison between institutions and months, for which
/// the plain weekday count is the same for everyone.
public enum WorkingDays {
    /// Monday-to-Friday days from `start` to `end`, both included; 0 when `end` is before `start`.
    public static func count(from start: CalendarDate, to end: CalendarDate) -> Int {
        let days = start.days(to: end) + 1
        guard days > 0 else { return 0 }
        let fullWeeks = days / 7
        var count = fullWeeks * 5
        var weekday = start.isoWeekday
        for _ in 0..<(days % 7) {
            if weekday <= 5 { count += 1 }
            weekday = weekday == 7 ? 1 : weekday + 1
        }
        return count
    }

    /// The working days of `period` that have begun by `today`: a running year counts its days so
    /// far, so this year's figure is comparable with last year's.
    public static func elapsed(in period: Period, today: CalendarDate) -> Int {
        count(from: period.start, to: min(period.end, today))
    }

    /// Likewise for one month.
    public static func elapsed(in month: YearMonth, today: CalendarDate) -> Int {
        count(from: month.firstDay, to: min(month.lastDay, today))
    }
}
