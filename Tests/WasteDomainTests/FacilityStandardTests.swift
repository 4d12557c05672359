import JSON
import Testing
@testable import WasteDomain

@Suite struct FacilityStandardTests {
    private func read(_ body: JSONValue) -> (FacilityStandard?, [FieldError]) {
        var reader = JSONFieldReader(body: body, allowedKeys: ["rules"])
        let standard = FacilityStandard.read(&reader, version: 2)
        return (reader.isValid ? standard : nil, reader.errors)
    }

    @Test func theDefaultDocumentReadsBackToTheDefaultStandard() throws {
        let document: JSONValue = .object(JSONObject([("rules", FacilityStandard().rulesJSON)]))
        let (standard, errors) = read(document)
        #expect(errors == [])
        #expect(standard?.rulesJSON == FacilityStandard().rulesJSON)
    }

    @Test func numbersChangeAndRulesLeftOutAreSwitchedOff() throws {
        let (standard, errors) = read(["rules": [
            ["code": "bin_sets_per_headcount", "staff_per_bin_set": 30],
            ["code": "storage_room", "enabled": true, "headcount_threshold": 80, "require_sealed": true],
            ["code": "office_point_bins", "categories": ["可回收物", "干垃圾", "有害垃圾"]],
        ]])
        #expect(errors == [])
        let rules = try #require(standard)
        #expect((rules.rule("bin_sets_per_headcount") as? BinSetsPerHeadcountRule)?.staffPerBinSet == 30)
        #expect((rules.rule("storage_room") as? StorageRoomRule)?.headcountThreshold == 80)
        #expect((rules.rule("office_point_bins") as? OfficePointBinsRule)?.categories == [.recyclable, .hazardous, .residual])
        #expect(rules.rule("signage")?.enabled == false)
        #expect(rules.rules.count == FacilityStandard.ruleCodes.count)
    }

    @Test func unknownCodesParametersAndRepeatsAreAllReported() {
        let (standard, errors) = read(["rules": [
            ["code": "solar_panels", "enabled": true],
            ["code": "signage", "colour": "red"],
            ["code": "bin_sets_per_headcount", "staff_per_bin_set": 0],
            ["code": "signage"],
            ["code": "office_point_bins", "categories": ["plastic"]],
        ]])
        #expect(standard == nil)
        #expect(Set(errors.map(\.field)) == ["rules[0].code", "rules[1].colour", "rules[2].staff_per_bin_set",
                                             "rules[3].code", "rules[4].categories[0]"])
    }
}
