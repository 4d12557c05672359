/// A calendar date in a spreadsheet: written as `YYYY-MM-DD` in CSV and as a real date (a
/// serial day number with a date format) in xlsx, and read back from the forms clerks type.
public struct SheetDate: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    public init?(year: Int, month: Int, day: Int) {
        guard (1900...9999).contains(year), (1...12).contains(month),
              (1...Self.days(inMonth: month, year: year)).contains(day) else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// `2026-11-04`, `2026-11-4`, `2026/11/4`, `2026.11.4` or `2026年11月4日` (spaces around the
    /// parts allowed); nil for anything else or an impossible date.
    public init?(text: String) {
        let trimmed = text.unicodeScalars.filter { $0 != " " }
        var scalars = Array(trimmed)
        if scalars.last == "日" { scalars.removeLast() }
        var parts: [Int] = []
        var digits = ""
        var separator: Unicode.Scalar?
        for (index, scalar) in scalars.enumerated() {
            if ("0"..."9").contains(scalar) {
                digits.unicodeScalars.append(scalar)
                continue
            }
            let expected: Unicode.Scalar? = parts.isEmpty ? nil : separator
            let isChinese = (parts.isEmpty && scalar == "年") || (parts.count == 1 && scalar == "月" && separator == "年")
            let isPlain = "-/.".unicodeScalars.contains(scalar) && (expected == nil || expected == scalar)
            guard isChinese || isPlain, !digits.isEmpty, index + 1 < scalars.count, let value = Int(digits) else { return nil }
            parts.append(value)
            digits = ""
            if parts.count == 1 { separator = scalar }
        }
        guard let last = Int(digits), digits.count <= 2, parts.count == 2,
              String(parts[0]).count == 4, String(parts[1]).count <= 2 else { return nil }
        if separator == "年" && !text.hasSuffix("日") { return nil }
        self.init(year: parts[0], month: parts[1], day: last)
    }

    public var description: String {
        "\(year)-\(Self.pad(month))-\(Self.pad(day))"
    }

    public static func < (a: SheetDate, b: SheetDate) -> Bool {
        (a.year, a.month, a.day) < (b.year, b.month, b.day)
    }

    // MARK: Serial day numbers

    /// Excel's day number (1900 date system): days since 1899-12-30, which is right for every
    /// date from 1900-03-01 on (Excel counts a 29 February 1900 that never was).
    public var serial: Int {
        daysFromCivil() - Self.epoch
    }

    /// The date of an Excel day number (the fraction, a time of day, is dropped).
    public init?(serial: Double) {
        guard serial.isFinite, serial >= 61, serial < 2_958_466 else { return nil }
        let (year, month, day) = Self.civil(fromDays: Int(serial.rounded(.down)) + Self.epoch)
        self.init(year: year, month: month, day: day)
    }

    private static let epoch = SheetDate.daysFromCivil(year: 1899, month: 12, day: 30)

    private func daysFromCivil() -> Int { Self.daysFromCivil(year: year, month: month, day: day) }

    /// Days since 1970-01-01 (H. Hinnant's algorithm, proleptic Gregorian).
    private static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    private static func civil(fromDays days: Int) -> (Int, Int, Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    private static func days(inMonth month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    private static func pad(_ value: Int) -> String {
        value < 10 ? "0\(value)" : String(value)
    }
}
