import JSON
import Storage
import WasteDomain

/// Facility compliance of every active institution at a date, under the standard in force then.
enum FacilityScores {
    static func evaluate(_ db: Connection, asOf: CalendarDate, settings: DistrictSettings) throws -> [Int64: ComplianceResult] {
        let offset = settings.utcOffsetMinutes
        let standard = try FacilityStandardStore.inForce(db, on: asOf, utcOffsetMinutes: offset).standard
        let snapshot = try FacilityLoader.load(db, .everyActive, asOf: asOf, utcOffsetMinutes: offset)
        var results: [Int64: ComplianceResult] = [:]
        results.reserveCapacity(snapshot.institutions.count)
        for (institution, result) in snapshot.evaluate(standard: standard, categoriesInForce: settings.categoriesInForce, asOf: asOf) {
            results[institution.profile.id] = result
        }
        return results
    }
}
