import JSON
import Testing
@testable import WasteDomain

/// Each default rule, on an institution that passes and one that fails it; disabled rules and
/// categories not in force do not count.
@Suite struct FacilityRuleTests {
    typealias Case = FacilityFixture.Case

    @Test func aFullyEquippedInstitutionMeetsEveryDefaultRule() {
        let result = Case().evaluate()
        #expect(result.shortfalls == [])
        #expect(result.compliant)
        #expect(result.scoreTenths == 1000)
        #expect(result.rules.map(\.code) == FacilityStandard.ruleCodes)
        #expect(result.rules.allSatisfy { $0.applicable && $0.met })
    }

    @Test func hazardousPointIsMissingWhenNoPointHasAHazardousBin() {
        var failing = Case()
        for index in failing.points.indices { failing.points[index].bins[.hazardous] = BinSpec(count: 0) }
        let shortfalls = failing.outcome("hazardous_point")
        #expect(shortfalls?.count == 1)
        #expect(shortfalls?.first?.missing == .init(category: .hazardous, count: 1))
        #expect(Case().outcome("hazardous_point") == [])
    }

    @Test func officePointWithoutResidualBinIsNamedInTheMessage() {
        var failing = Case()
        failing.points[1].location = "3楼办公区"
        failing.points[1].floor = 3
        failing.points[1].bins[.residual] = nil
        let shortfalls = failing.outcome("office_point_bins")
        #expect(shortfalls?.map(\.message) == ["3楼办公区 (office_floor, floor 3): no residual bin"])
        #expect(shortfalls?.first?.missing == .init(category: .residual, count: 1, collectionPointID: 2))
        #expect(Case().outcome("office_point_bins") == [])
    }

    @Test func canteenPointsNeedFoodBinsOnlyWhereThereIsACanteen() {
        var failing = Case()
        failing.points[2].bins[.food] = nil
        #expect(failing.outcome("canteen_point_bins")?.map(\.message) == ["食堂 (canteen): no food bin"])

        var noPoint = Case()
        noPoint.points.removeLast()
        #expect(noPoint.outcome("canteen_point_bins")?.first?.missing.kind == "canteen")

        var noCanteen = failing
        noCanteen.institution.hasCanteen = false
        #expect(noCanteen.outcome("canteen_point_bins") == nil)
    }

    @Test func binSetsScaleWithHeadcountRoundedUp() {
        var large = Case()
        large.institution.headcount = 151  // 4 sets needed; 3 points hold 3 of each
        let shortfalls = large.outcome("bin_sets_per_headcount")
        #expect(shortfalls?.count == 4)
        #expect(shortfalls?.first?.missing == .init(category: .recyclable, count: 1))
        #expect(shortfalls?.first?.message == "3 recyclable bin(s) for 151 staff; 4 needed (one per 50 staff)")

        var exact = Case()
        exact.institution.headcount = 150
        #expect(exact.outcome("bin_sets_per_headcount") == [])

        var looser = large
        var rule = BinSetsPerHeadcountRule()
        rule.staffPerBinSet = 60
        looser.standard.set(rule)
        #expect(looser.outcome("bin_sets_per_headcount") == [])
    }

    @Test func officeFloorPointsMustCoverEveryFloor() {
        var failing = Case()
        failing.institution.floors = 4
        let shortfalls = failing.outcome("office_points_per_floor")
        #expect(shortfalls?.first?.missing == .init(kind: "office_floor", count: 2, floors: [3, 4]))
        #expect(shortfalls?.first?.message.contains("none recorded on floor 3, 4") == true)
        #expect(Case().outcome("office_points_per_floor") == [])
    }

    @Test func storageRoomMustKeepEveryCategoryInForceApart() {
        var partial = Case()
        partial.rooms[0].categories = [.recyclable, .hazardous]
        let shortfalls = partial.outcome("storage_room")
        #expect(shortfalls?.first?.message == "一楼暂存间 (storage room): food, residual not kept apart")
        #expect(shortfalls?.first?.missing.categories == [.food, .residual])

        var none = Case()
        none.rooms = []
        #expect(none.outcome("storage_room")?.first?.missing.count == 1)

        // Neither a canteen nor 100 staff: the rule does not apply.
        var small = none
        small.institution.hasCanteen = false
        small.institution.headcount = 99
        #expect(small.outcome("storage_room") == nil)

        var threshold = small
        var rule = StorageRoomRule()
        rule.headcountThreshold = 80
        threshold.standard.set(rule)
        #expect(threshold.outcome("storage_room")?.count == 1)
    }

    @Test func everyPointAndRoomNeedsCorrectSignage() {
        var failing = Case()
        failing.points[0].signageOK = false
        failing.rooms[0].signageOK = false
        let shortfalls = failing.outcome("signage")
        #expect(shortfalls?.map(\.message) == ["1楼办公区 (office_floor, floor 1): signage missing or incorrect",
                                               "一楼暂存间 (storage room): signage missing or incorrect"])
        #expect(shortfalls?.last?.missing == .init(features: ["signage"], storageRoomID: 1))
        #expect(Case().outcome("signage") == [])
    }

    @Test func everyCategoryInForceNeedsAContractValidOnTheDay() {
        var lapsed = Case()
        lapsed.contracts[1].validTo = CalendarDate(year: 2020, month: 5, day: 31)!
        let shortfalls = lapsed.outcome("hauler_contracts")
        #expect(shortfalls?.first?.missing == .init(category: .hazardous, kind: "contract", count: 1))
        #expect(shortfalls?.first?.message == "no hazardous hauler contract valid on 2020-06-30 (the contract with 城管环卫 ended on 2020-05-31)")

        var lastDay = Case()
        lastDay.asOf = CalendarDate(year: 2020, month: 12, day: 31)!
        #expect(lastDay.outcome("hauler_contracts") == [])
    }

    @Test func disabledRulesAreNotApplicableAndLeaveTheScore() {
        var failing = Case()
        failing.rooms = []
        #expect(failing.evaluate().scoreTenths == 875)  // 7 of 8
        failing.disable("storage_room")
        let result = failing.evaluate()
        #expect(result.rules.first { $0.code == "storage_room" }?.applicable == false)
        #expect(result.compliant)
        #expect(result.scoreTenths == 1000)
    }

    @Test func categoriesNotInForceAreIgnoredByEveryRule() {
        // Shuangyashan in 2020: food waste not yet sorted.
        var threeCategories = Case()
        threeCategories.inForce = [.recyclable, .hazardous, .residual]
        threeCategories.contracts.removeAll { $0.category == .food }
        threeCategories.rooms[0].categories.remove(.food)
        for index in threeCategories.points.indices { threeCategories.points[index].bins[.food] = nil }
        let result = threeCategories.evaluate()
        #expect(result.shortfalls == [])
        #expect(result.rules.first { $0.code == "canteen_point_bins" }?.applicable == false)

        var noHazardous = Case()
        noHazardous.inForce = [.recyclable, .food, .residual]
        for index in noHazardous.points.indices { noHazardous.points[index].bins[.hazardous] = nil }
        #expect(noHazardous.outcome("hazardous_point") == nil)
        #expect(noHazardous.evaluate().compliant)
    }

    @Test func facilitiesCountOnlyWhileTheyExist() {
        var history = Case()
        history.rooms[0].lifespan = Lifespan(createdOn: CalendarDate(year: 2020, month: 7, day: 1)!)
        #expect(history.outcome("storage_room")?.count == 1)
        history.asOf = CalendarDate(year: 2020, month: 7, day: 1)!
        #expect(history.outcome("storage_room") == [])

        var deleted = Case()
        deleted.rooms[0].lifespan.deletedOn = FacilityFixture.day
        #expect(deleted.outcome("storage_room")?.count == 1)  // gone by the end of its deletion day
        deleted.asOf = CalendarDate(year: 2020, month: 6, day: 29)!
        #expect(deleted.outcome("storage_room") == [])
    }
}
