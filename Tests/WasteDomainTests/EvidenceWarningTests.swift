import Testing
@testable import WasteDomain

@Suite struct EvidenceWarningTests {
    let raised = Timestamp(parsing: "2026-11-20T02:00:00Z")!
    let unit = GeoPoint(latitude: 30.2741, longitude: 120.1551)

    @Test func aPhotoAfterTheFindingAndNearbyHasNoWarning() {
        let near = GeoPoint(latitude: 30.2781, longitude: 120.1551)  // ~445 m north
        #expect(EvidenceWarning.forRectificationPhoto(takenAt: raised.adding(seconds: 60), raisedAt: raised,
                                                      photo: near, institution: unit).isEmpty)
    }

    @Test func earlierOrFartherPhotosAreFlagged() {
        let far = GeoPoint(latitude: 30.2841, longitude: 120.1551)  // ~1.11 km north
        let codes = EvidenceWarning.forRectificationPhoto(takenAt: raised.adding(seconds: -1), raisedAt: raised,
                                                          photo: far, institution: unit).map(\.code)
        #expect(codes == ["taken_before_finding", "far_from_institution"])
    }

    @Test func missingMetadataIsSaidAndAnUnplacedInstitutionIsNotJudged() {
        let codes = EvidenceWarning.forRectificationPhoto(takenAt: nil, raisedAt: raised, photo: nil, institution: unit).map(\.code)
        #expect(codes == ["no_capture_time", "no_location"])
        #expect(EvidenceWarning.forRectificationPhoto(takenAt: raised, raisedAt: raised, photo: unit, institution: nil).isEmpty)
    }

    @Test func distances() {
        #expect(abs(GeoPoint(latitude: 0, longitude: 0).meters(to: GeoPoint(latitude: 0, longitude: 1)) - 111_195) < 10)
        #expect(unit.meters(to: unit) == 0)
    }
}
