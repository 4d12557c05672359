import JSON
import Testing
@testable import WasteDomain

/// A rule whose subject is missing is not met (docs/DECISIONS.md, "No vacuous compliance"), and every
/// shortfall says in Chinese what is missing and where.
@Suite struct NoVacuousComplianceTests {
    typealias Case = FacilityFixture.Case

    /// An institution with a canteen that has recorded nothing at all.
    private var bare: Case {
        var empty = Case()
        empty.points = []
        empty.rooms = []
        return empty
    }

    @Test func noCollectionPointFailsTheHazardousRule() {
        let shortfalls = bare.outcome("hazardous_point")
        #expect(shortfalls?.count == 1)
        #expect(shortfalls?.first?.messageZh == "未设置任何收集点，缺少有害垃圾收集容器")
    }

    @Test func noOfficeFloorPointFailsTheOfficeBinsRule() {
        let shortfalls = bare.outcome("office_point_bins")
        #expect(shortfalls?.count == 1)
        #expect(shortfalls?.first?.missing == .init(categories: [.recyclable, .residual], kind: "office_floor", count: 1))
        #expect(shortfalls?.first?.messageZh == "未设置办公楼层收集点，缺少可回收物、其他垃圾收集容器")
        // a canteen point alone is no office-floor point either
        var canteenOnly = bare
        canteenOnly.points = [Case().points[2]]
        #expect(canteenOnly.outcome("office_point_bins")?.count == 1)
    }

    @Test func noCanteenPointFailsTheCanteenRuleWhereThereIsACanteen() {
        let shortfalls = bare.outcome("canteen_point_bins")
        #expect(shortfalls?.count == 1)
        #expect(shortfalls?.first?.messageZh.contains("未设置食堂收集点") == true)
        var noCanteen = bare
        noCanteen.institution = FacilityInstitution(id: 1, headcount: 20, floors: 1, hasCanteen: false)
        #expect(noCanteen.outcome("canteen_point_bins") == nil)  // not applicable, so neither met nor failed
    }

    @Test func nothingToCarrySignageFailsTheSignageRule() {
        let shortfalls = bare.outcome("signage")
        #expect(shortfalls?.count == 1)
        #expect(shortfalls?.first?.messageZh == "未设置任何收集点，无分类标识")
        #expect(Case().outcome("signage") == [])
    }

    @Test func anInstitutionWithNothingButContractsMeetsOnlyTheContractRule() {
        let result = bare.evaluate()
        #expect(result.rules.filter { $0.applicable && $0.met }.map(\.code) == ["hauler_contracts"])
        #expect(result.scoreTenths == 125)  // 1 of 8 applicable rules
        #expect(!result.compliant)
        #expect(result.shortfalls.allSatisfy { !$0.messageZh.isEmpty })
    }

    @Test func everyShortfallNamesThePlaceInChinese() {
        var failing = Case()
        failing.points[1].bins[.residual] = nil
        failing.points[0].signageOK = false
        failing.rooms[0].categories = [.recyclable]
        failing.asOf = CalendarDate(year: 2021, month: 3, day: 1)!   // every contract has lapsed
        let messages = failing.evaluate().shortfalls.map(\.messageZh)
        #expect(messages.contains("2楼办公区（办公楼层收集点，2楼）缺少其他垃圾收集容器"))
        #expect(messages.contains("1楼办公区（办公楼层收集点，1楼）分类标识缺失或不规范"))
        #expect(messages.contains("一楼暂存间（垃圾暂存间）有害垃圾、厨余垃圾、其他垃圾未分开存放"))
        #expect(messages.contains("2021-03-01无有效的有害垃圾收运处置协议"))
    }
}
