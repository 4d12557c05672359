import JSON
import Storage
import WasteDomain

/// Facility compliance scores (tenths of a point) of every institution at a date.
enum FacilityScores {
    static func load(_ db: Connection, asOf: CalendarDate) throws -> [Int64: Int] {
        [:]  // filled in when the facility standard lands
    }
}
