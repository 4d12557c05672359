import JSON
import WasteDomain

/// The demo's time frame and its text forms: the last complete months before `today` plus the
/// current month so far. Dates and instants are formatted millions of times for a large
/// district, so their strings are cached.
final class DemoCalendar {
    let today: CalendarDate
    let months: [YearMonth]
    let utcOffsetMinutes: Int
    /// The day the generated institutions were registered: a month before the first data.
    let setupDay: CalendarDate
    private var dateCache: [Int: String] = [:]
    private var instantCache: [Int: String] = [:]

    init(today: CalendarDate, completeMonths: Int, utcOffsetMinutes: Int) {
        self.today = today
        self.utcOffsetMinutes = utcOffsetMinutes
        var month = today.yearMonth
        var list = [month]
        for _ in 0..<max(0, completeMonths) {
            month = month.previous
            list.append(month)
        }
        months = list.reversed()
        setupDay = months[0].firstDay.adding(days: -30) ?? months[0].firstDay
    }

    var currentMonth: YearMonth { today.yearMonth }
    var yesterday: CalendarDate { today.adding(days: -1) ?? today }

    /// The days of `month` on which things can already have happened (before today).
    func pastDays(of month: YearMonth) -> ClosedRange<Int>? {
        let last = month == currentMonth ? today.day - 1 : CalendarDate.daysIn(month: month.month, year: month.year)
        return last >= 1 ? 1...last : nil
    }

    func day(_ month: YearMonth, _ day: Int) -> CalendarDate {
        CalendarDate(year: month.year, month: month.month, day: day) ?? month.firstDay
    }

    func text(_ date: CalendarDate) -> String {
        let key = date.daysSinceEpoch
        if let hit = dateCache[key] { return hit }
        let text = date.description
        dateCache[key] = text
        return text
    }

    /// The UTC instant of a local (district) time on `date`, as stored text.
    func instant(_ date: CalendarDate, hour: Int, minute: Int = 0) -> String {
        let key = date.daysSinceEpoch * 1440 + hour * 60 + minute
        if let hit = instantCache[key] { return hit }
        let seconds = Int64(key - utcOffsetMinutes) * 60
        let text = Timestamp(secondsSinceEpoch: seconds).description
        instantCache[key] = text
        return text
    }

    /// `date` moved by `days`, never after yesterday: generated events never lie in the future.
    func clampedPast(_ date: CalendarDate, plus days: Int) -> CalendarDate? {
        guard let moved = date.adding(days: days), moved < today else { return nil }
        return moved
    }
}
