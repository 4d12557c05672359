/// When and where a photo was taken, as its EXIF data says; every field may be absent.
public struct PhotoFacts: Sendable, Equatable {
    public var capturedAt: CaptureTime?
    public var latitude: Double?
    public var longitude: Double?

    public init(capturedAt: CaptureTime? = nil, latitude: Double? = nil, longitude: Double? = nil) {
        self.capturedAt = capturedAt
        self.latitude = latitude
        self.longitude = longitude
    }
}

/// `DateTimeOriginal` (a camera's local wall-clock time) and, when the camera recorded it,
/// `OffsetTimeOriginal` (its offset from UTC, EXIF 2.31).
public struct CaptureTime: Sendable, Equatable {
    public var year, month, day, hour, minute, second: Int
    public var offsetMinutes: Int?

    public init(year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int, offsetMinutes: Int? = nil) {
        (self.year, self.month, self.day, self.hour, self.minute, self.second) = (year, month, day, hour, minute, second)
        self.offsetMinutes = offsetMinutes
    }

    /// `YYYY:MM:DD HH:MM:SS`; nil for anything else (cameras write blanks or zeros when unset).
    init?(exif text: String, offset: String?) {
        let bytes = Array(text.utf8)
        guard bytes.count == 19, bytes[4] == 58, bytes[7] == 58, bytes[10] == 32, bytes[13] == 58, bytes[16] == 58 else { return nil }
        func number(_ range: Range<Int>) -> Int? {
            guard bytes[range].allSatisfy({ (48...57).contains($0) }) else { return nil }
            return Int(String(decoding: bytes[range], as: UTF8.self))
        }
        guard let year = number(0..<4), let month = number(5..<7), let day = number(8..<10), let hour = number(11..<13),
              let minute = number(14..<16), let second = number(17..<19),
              (1...9999).contains(year), (1...12).contains(month), (1...31).contains(day), hour < 24, minute < 60, second < 61
        else { return nil }
        self.init(year: year, month: month, day: day, hour: hour, minute: minute, second: min(second, 59),
                  offsetMinutes: offset.flatMap(Self.offsetMinutes))
    }

    /// `+08:00` → 480.
    static func offsetMinutes(_ text: String) -> Int? {
        let bytes = Array(text.utf8)
        guard bytes.count == 6, bytes[0] == 43 || bytes[0] == 45, bytes[3] == 58,
              let hours = Int(String(decoding: bytes[1..<3], as: UTF8.self)),
              let minutes = Int(String(decoding: bytes[4..<6], as: UTF8.self)), hours <= 14, minutes < 60 else { return nil }
        return (bytes[0] == 45 ? -1 : 1) * (hours * 60 + minutes)
    }
}
