import JSON

/// An instant, in whole seconds since 1970 UTC, written as RFC 3339 `2026-11-29T03:12:45Z`.
///
/// Stored as that text too: it sorts chronologically and reads well in the database.
public struct Timestamp: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let secondsSinceEpoch: Int64

    public init(secondsSinceEpoch: Int64) {
        self.secondsSinceEpoch = secondsSinceEpoch
    }

    /// Parses `YYYY-MM-DDTHH:MM:SSZ`, with optional fraction and a `Z` or `±HH:MM` offset.
    public init?(parsing text: some StringProtocol) {
        let bytes = Array(text.utf8)
        guard bytes.count >= 20, bytes[10] == UInt8(ascii: "T") || bytes[10] == UInt8(ascii: "t"),
              bytes[13] == UInt8(ascii: ":"), bytes[16] == UInt8(ascii: ":"),
              let date = CalendarDate(parsing: String(decoding: bytes[0..<10], as: UTF8.self)),
              let hour = Self.number(bytes[11..<13]), let minute = Self.number(bytes[14..<16]),
              let second = Self.number(bytes[17..<19]), hour < 24, minute < 60, second < 61
        else { return nil }
        var rest = bytes[19...]
        if rest.first == UInt8(ascii: ".") {
            rest = rest.dropFirst()
            let digits = rest.prefix { (48...57).contains($0) }
            guard !digits.isEmpty, digits.count <= 9 else { return nil }
            rest = rest.dropFirst(digits.count)
        }
        var offset = 0
        if rest.count == 1 && (rest.first == UInt8(ascii: "Z") || rest.first == UInt8(ascii: "z")) {
            offset = 0
        } else if rest.count == 6, let sign = rest.first, sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-"),
                  let hours = Self.number(rest.dropFirst().prefix(2)), rest[rest.startIndex + 3] == UInt8(ascii: ":"),
                  let minutes = Self.number(rest.suffix(2)), hours < 24, minutes < 60 {
            offset = (hours * 60 + minutes) * 60 * (sign == UInt8(ascii: "-") ? -1 : 1)
        } else {
            return nil
        }
        let seconds = date.daysSinceEpoch * 86400 + hour * 3600 + minute * 60 + min(second, 59) - offset
        self.init(secondsSinceEpoch: Int64(seconds))
    }

    public var description: String {
        let days = Int(secondsSinceEpoch >= 0 ? secondsSinceEpoch / 86400 : (secondsSinceEpoch - 86399) / 86400)
        let secondOfDay = Int(secondsSinceEpoch) - days * 86400
        let date = CalendarDate(daysSinceEpoch: days)?.description ?? "0000-01-01"
        return "\(date)T\(Self.pad(secondOfDay / 3600)):\(Self.pad(secondOfDay / 60 % 60)):\(Self.pad(secondOfDay % 60))Z"
    }

    /// The civil date at a fixed UTC offset (the district's time zone: China is UTC+8 all year).
    public func date(utcOffsetMinutes: Int) -> CalendarDate {
        let local = secondsSinceEpoch + Int64(utcOffsetMinutes * 60)
        let days = local >= 0 ? local / 86400 : (local - 86399) / 86400
        return CalendarDate(daysSinceEpoch: Int(days)) ?? CalendarDate(year: 1970, month: 1, day: 1)!
    }

    public func adding(seconds: Int64) -> Timestamp { Timestamp(secondsSinceEpoch: secondsSinceEpoch + seconds) }

    public static func < (lhs: Timestamp, rhs: Timestamp) -> Bool { lhs.secondsSinceEpoch < rhs.secondsSinceEpoch }

    private static func number(_ bytes: some Collection<UInt8>) -> Int? {
        guard !bytes.isEmpty, bytes.allSatisfy({ (48...57).contains($0) }) else { return nil }
        return bytes.reduce(0) { $0 * 10 + Int($1 - 48) }
    }

    private static func pad(_ value: Int) -> String { value < 10 ? "0\(value)" : String(value) }
}
