import CalendarDates

/// A calendar month, `YYYY-MM`: the unit of ledger reporting.
public struct YearMonth: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let year: Int
    public let month: Int

    public init?(year: Int, month: Int) {
        guard (1...9999).contains(year), (1...12).contains(month) else { return nil }
        self.year = year
        self.month = month
    }

    /// Parses exactly `YYYY-MM`.
    public init?(parsing text: some StringProtocol) {
        var text = String(text)
        guard let month = text.withUTF8({ YearMonth(utf8: $0) }) else { return nil }
        self = month
    }

    /// The same from UTF-8 bytes (a database column read in place): nothing is allocated.
    public init?(utf8 bytes: UnsafeBufferPointer<UInt8>) {
        guard bytes.count == 7, bytes[4] == UInt8(ascii: "-"), let year = CalendarDate.number(bytes, 0..<4),
              let month = CalendarDate.number(bytes, 5..<7) else { return nil }
        self.init(year: year, month: month)
    }

    public var description: String {
        let y = String(year)
        return String(repeating: "0", count: max(0, 4 - y.count)) + y + (month < 10 ? "-0\(month)" : "-\(month)")
    }

    public var firstDay: CalendarDate { CalendarDate(year: year, month: month, day: 1)! }
    public var lastDay: CalendarDate { CalendarDate(year: year, month: month, day: CalendarDate.daysIn(month: month, year: year))! }

    public var next: YearMonth { month == 12 ? YearMonth(year: year + 1, month: 1)! : YearMonth(year: year, month: month + 1)! }
    public var previous: YearMonth { month == 1 ? YearMonth(year: year - 1, month: 12)! : YearMonth(year: year, month: month - 1)! }

    /// `2020年6月`.
    public var chineseName: String { "\(year)年\(month)月" }

    public static func < (lhs: YearMonth, rhs: YearMonth) -> Bool {
        (lhs.year, lhs.month) < (rhs.year, rhs.month)
    }
}
