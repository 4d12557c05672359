import JSON
import WasteDomain

/// Days in the district's time zone, for "as of D" questions over UTC instants.
enum DistrictDay {
    /// The first instant after day `date` ends, as stored text: rows created before it existed on D.
    static func end(of date: CalendarDate, utcOffsetMinutes: Int) -> String {
        Timestamp(secondsSinceEpoch: Int64(date.daysSinceEpoch + 1) * 86400 - Int64(utcOffsetMinutes) * 60).description
    }

    /// The district's day of a stored instant.
    static func day(of instant: String, utcOffsetMinutes: Int) -> CalendarDate? {
        Timestamp(parsing: instant)?.date(utcOffsetMinutes: utcOffsetMinutes)
    }

    static func today(_ context: APIContext, settings: DistrictSettings) -> CalendarDate {
        context.now.date(utcOffsetMinutes: settings.utcOffsetMinutes)
    }
}
