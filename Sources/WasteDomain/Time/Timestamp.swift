import CalendarDates

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
        var text = String(text)
        guard let timestamp = text.withUTF8({ Timestamp(utf8: $0) }) else { return nil }
        self = timestamp
    }

    /// The same from UTF-8 bytes (a database column read in place): nothing is allocated.
    public init?(utf8 bytes: UnsafeBufferPointer<UInt8>) {
        guard bytes.count >= 20, bytes[10] == UInt8(ascii: "T") || bytes[10] == UInt8(ascii: "t"),
              bytes[13] == UInt8(ascii: ":"), bytes[16] == UInt8(ascii: ":"),
              let date = CalendarDate(utf8: UnsafeBufferPointer(rebasing: bytes[0..<10])),
              let hour = CalendarDate.number(bytes, 11..<13), let minute = CalendarDate.number(bytes, 14..<16),
              let second = CalendarDate.number(bytes, 17..<19), hour < 24, minute < 60, second < 61,
              let offset = Self.offsetSeconds(bytes, from: Self.endOfFraction(bytes))
        else { return nil }
        let seconds = date.daysSinceEpoch * 86400 + hour * 3600 + minute * 60 + min(second, 59) - offset
        self.init(secondsSinceEpoch: Int64(seconds))
    }

    /// Where the zone starts: after an optional `.` and one to nine digits at position 19; nil when malformed.
    private static func endOfFraction(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        guard bytes[19] == UInt8(ascii: ".") else { return 19 }
        var end = 20
        while end < bytes.count, (48...57).contains(bytes[end]) { end += 1 }
        return (1...9).contains(end - 20) ? end : nil
    }

    /// The zone `Z` or `±HH:MM` from `start` to the end, in seconds east of UTC; nil when malformed.
    private static func offsetSeconds(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int?) -> Int? {
        guard let start, start < bytes.count else { return nil }
        let rest = bytes.count - start
        if rest == 1 && (bytes[start] == UInt8(ascii: "Z") || bytes[start] == UInt8(ascii: "z")) { return 0 }
        let sign = bytes[start]
        guard rest == 6, sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-"), bytes[start + 3] == UInt8(ascii: ":"),
              let hours = CalendarDate.number(bytes, start + 1..<start + 3),
              let minutes = CalendarDate.number(bytes, start + 4..<start + 6), hours < 24, minutes < 60 else { return nil }
        return (hours * 60 + minutes) * 60 * (sign == UInt8(ascii: "-") ? -1 : 1)
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

    private static func pad(_ value: Int) -> String { value < 10 ? "0\(value)" : String(value) }
}
