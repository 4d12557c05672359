import Foundation

/// The `Date` header line, formatted once per second (RFC 9110 §5.6.7 IMF-fixdate).
///
/// Each event loop owns one, so no lock is needed.
struct DateHeaderCache {
    private var second: Int = -1
    private var line: [UInt8] = []

    mutating func headerLine(now: Double) -> [UInt8] {
        let current = Int(now)
        if current != second {
            second = current
            line = Array("date: \(Self.imfFixdate(epochSeconds: current))\r\n".utf8)
        }
        return line
    }

    private static let days = ["Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"]
    private static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    /// Formats without DateFormatter: civil-from-days (H. Hinnant), no locale involved.
    static func imfFixdate(epochSeconds: Int) -> String {
        let dayCount = epochSeconds >= 0 ? epochSeconds / 86400 : (epochSeconds - 86399) / 86400
        let secondsOfDay = epochSeconds - dayCount * 86400
        let (year, month, day) = civilDate(daysSinceEpoch: dayCount)
        let weekday = days[((dayCount % 7) + 7) % 7]
        return "\(weekday), \(pad(day)) \(months[month - 1]) \(year) \(pad(secondsOfDay / 3600)):\(pad(secondsOfDay / 60 % 60)):\(pad(secondsOfDay % 60)) GMT"
    }

    static func civilDate(daysSinceEpoch: Int) -> (year: Int, month: Int, day: Int) {
        let z = daysSinceEpoch + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    private static func pad(_ value: Int) -> String { value < 10 ? "0\(value)" : String(value) }
}
