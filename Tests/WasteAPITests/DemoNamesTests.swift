import Testing
@testable import DemoData
import WasteAPI
import WasteDomain

/// Names of generated districts: unique at benchmark size (the column is UNIQUE, so one clash
/// would abort `wastesort generate`), and every kind present in the default demo.
@Suite struct DemoNamesTests {
    @Test func fiveThousandGeneratedNamesAreUnique() {
        let units = DemoNames.units(5000)
        #expect(units.count == 5000)
        #expect(Set(units.map(\.name)).count == 5000)
    }

    @Test func theDefaultDemoHasEveryKindOfInstitution() {
        #expect(Set(DemoNames.units(45).map(\.kind)) == Set(InstitutionKind.allCases))
        #expect(DemoNames.units(45).first?.name == "中共尖山区委办公室")
    }

    @Test func numberedUnitsUseChineseNumerals() {
        #expect(ChineseNumeral.of(3) == "三")
        #expect(ChineseNumeral.of(12) == "十二")
        #expect(ChineseNumeral.of(20) == "二十")
        #expect(ChineseNumeral.of(105) == "一百零五")
        #expect(ChineseNumeral.of(1010) == "一千零一十")
        #expect(ChineseNumeral.of(2300) == "二千三百")
    }
}
