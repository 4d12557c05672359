import CalendarDates

/// A reporting period: `2020` (year), `2020-H1`/`H2`, `2020-Q1`…`Q4`, `2020-06` (docs/API.md, Conventions).
public struct Period: Sendable, Hashable, CustomStringConvertible {
    public enum Kind: String, Sendable, CaseIterable {
        case year, half, quarter, month
    }

    public let kind: Kind
    public let year: Int
    /// 1 for a year; 1–2 for a half; 1–4 for a quarter; 1–12 for a month.
    public let index: Int

    public init?(kind: Kind, year: Int, index: Int) {
        let maximum = switch kind { case .year: 1; case .half: 2; case .quarter: 4; case .month: 12 }
        guard (1970...9999).contains(year), (1...maximum).contains(index) else { return nil }
        self.kind = kind
        self.year = year
        self.index = index
    }

    /// Parses the four forms exactly; anything else (`2020-Q5`, `2020-6`, ` 2020`) is nil.
    public init?(parsing text: String) {
        let bytes = Array(text.utf8)
        guard bytes.count >= 4, bytes[0..<4].allSatisfy({ (48...57).contains($0) }),
              let year = Int(String(decoding: bytes[0..<4], as: UTF8.self)) else { return nil }
        let rest = Array(bytes[4...])
        func digit(_ byte: UInt8) -> Int? { (48...57).contains(byte) ? Int(byte - 48) : nil }
        switch rest.count {
        case 0:
            self.init(kind: .year, year: year, index: 1)
        case 3 where rest[0] == UInt8(ascii: "-") && rest[1] == UInt8(ascii: "H"):
            guard let half = digit(rest[2]) else { return nil }
            self.init(kind: .half, year: year, index: half)
        case 3 where rest[0] == UInt8(ascii: "-") && rest[1] == UInt8(ascii: "Q"):
            guard let quarter = digit(rest[2]) else { return nil }
            self.init(kind: .quarter, year: year, index: quarter)
        case 3 where rest[0] == UInt8(ascii: "-"):
            guard let tens = digit(rest[1]), let ones = digit(rest[2]) else { return nil }
            self.init(kind: .month, year: year, index: tens * 10 + ones)
        default:
            return nil
        }
    }

    public var description: String {
        switch kind {
        case .year: "\(year)"
        case .half: "\(year)-H\(index)"
        case .quarter: "\(year)-Q\(index)"
        case .month: index < 10 ? "\(year)-0\(index)" : "\(year)-\(index)"
        }
    }

    /// The months the period covers, in order.
    public var months: [YearMonth] {
        let first: Int
        let count: Int
        switch kind {
        case .year: (first, count) = (1, 12)
        case .half: (first, count) = ((index - 1) * 6 + 1, 6)
        case .quarter: (first, count) = ((index - 1) * 3 + 1, 3)
        case .month: (first, count) = (index, 1)
        }
        return (first..<first + count).map { YearMonth(year: year, month: $0)! }
    }

    public var start: CalendarDate { months[0].firstDay }
    public var end: CalendarDate { months[months.count - 1].lastDay }

    /// The period of the same kind just before this one (for rank changes).
    public var previous: Period? {
        let count = switch kind { case .year: 1; case .half: 2; case .quarter: 4; case .month: 12 }
        return index > 1 ? Period(kind: kind, year: year, index: index - 1) : Period(kind: kind, year: year - 1, index: count)
    }

    /// The quarters the period overlaps (a month's quarter, a half's two, a year's four).
    public var quarters: [Period] {
        Set(months.map { ($0.month - 1) / 3 + 1 }).sorted().map { Period(kind: .quarter, year: year, index: $0)! }
    }

    /// `2020年`, `2020年上半年`, `2020年第二季度`, `2020年6月`: as notices write it.
    public var chineseName: String {
        let numerals = ["一", "二", "三", "四"]
        switch kind {
        case .year: return "\(year)年"
        case .half: return index == 1 ? "\(year)年上半年" : "\(year)年下半年"
        case .quarter: return "\(year)年第\(numerals[index - 1])季度"
        case .month: return "\(year)年\(index)月"
        }
    }
}
