import JSON

/// The working-day calendar per year (docs/DECISIONS.md, "Working days"): the statutory holidays and
/// the weekend days worked in exchange (调休) of the State Council's yearly notice. A year without an
/// entry counts Monday to Friday.
public struct WorkingCalendar: Sendable, Equatable {
    public struct Year: Sendable, Equatable {
        public var holidays: Set<CalendarDate>
        public var workingWeekends: Set<CalendarDate>

        public init(holidays: Set<CalendarDate>, workingWeekends: Set<CalendarDate>) {
            self.holidays = holidays
            self.workingWeekends = workingWeekends
        }
    }

    public var years: [Int: Year]

    public init(years: [Int: Year]) { self.years = years }

    /// Whether `date` is a working day: a weekday that is no holiday, or a weekend day worked.
    public func isWorkingDay(_ date: CalendarDate) -> Bool {
        let year = years[date.year]
        if date.isoWeekday >= 6 { return year?.workingWeekends.contains(date) ?? false }
        return !(year?.holidays.contains(date) ?? false)
    }

    /// Working days from `start` to `end`, both included; 0 when `end` is before `start`.
    public func count(from start: CalendarDate, to end: CalendarDate) -> Int {
        var count = WorkingDays.count(from: start, to: end)
        guard start <= end else { return 0 }
        for year in start.year...end.year {
            guard let entry = years[year] else { continue }
            count -= entry.holidays.filter { $0.isoWeekday <= 5 && start <= $0 && $0 <= end }.count
            count += entry.workingWeekends.filter { $0.isoWeekday >= 6 && start <= $0 && $0 <= end }.count
        }
        return count
    }

    /// The working days of `period` that have begun by `today`.
    public func elapsed(in period: Period, today: CalendarDate) -> Int { count(from: period.start, to: min(period.end, today)) }

    /// Likewise for one month.
    public func elapsed(in month: YearMonth, today: CalendarDate) -> Int {
        count(from: month.firstDay, to: min(month.lastDay, today))
    }
}

extension WorkingCalendar {
    /// The State Council schedules shipped with the system, each checked against its notice's
    /// text (docs/DECISIONS.md, "Working days", cites them).
    public static let official = WorkingCalendar(years: [
        // 国务院办公厅关于2025年部分节假日安排的通知（国办发明电〔2024〕12号）
        2025: schedule(2025, holidays: [(1, 1, 1, 1), (1, 28, 2, 4), (4, 4, 4, 6), (5, 1, 5, 5), (5, 31, 6, 2), (10, 1, 10, 8)],
                       worked: [(1, 26), (2, 8), (4, 27), (9, 28), (10, 11)]),
        // 国务院办公厅关于2026年部分节假日安排的通知（2025年11月4日）
        2026: schedule(2026, holidays: [(1, 1, 1, 3), (2, 15, 2, 23), (4, 4, 4, 6), (5, 1, 5, 5), (6, 19, 6, 21),
                                        (9, 25, 9, 27), (10, 1, 10, 7)],
                       worked: [(1, 4), (2, 14), (2, 28), (5, 9), (9, 20), (10, 10)]),
    ])

    /// Holiday ranges (month, day through month, day) and worked weekend days of one year.
    static func schedule(_ year: Int, holidays: [(Int, Int, Int, Int)], worked: [(Int, Int)]) -> Year {
        var days: Set<CalendarDate> = []
        for (fromMonth, fromDay, toMonth, toDay) in holidays {
            guard var day = CalendarDate(year: year, month: fromMonth, day: fromDay),
                  let last = CalendarDate(year: year, month: toMonth, day: toDay) else { continue }
            while day <= last {
                days.insert(day)
                guard let next = day.adding(days: 1) else { break }
                day = next
            }
        }
        return Year(holidays: days, workingWeekends: Set(worked.compactMap { CalendarDate(year: year, month: $0.0, day: $0.1) }))
    }
}
