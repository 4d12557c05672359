import JSON
import Storage
import WasteDomain

/// Collection points, storage rooms and hauler contracts, registered before the data starts so
/// that compliance on any day of the demo sees them. Most units meet the default standard; the
/// careless ones get the shortfalls inspectors really find: a floor point without a residual bin,
/// no hazardous point, a missing floor, no storage room, an expired contract, wrong signage.
enum DemoFacilities {
    /// Which shortfalls one unit has.
    private struct Flaws {
        var noResidualOnFloor = false
        var noHazardousPoint = false
        var missingFloorPoint = false
        var noStorageRoom = false
        var roomMixesHazardous = false
        var expiredContract: WasteCategory?
        var badSignage = false
    }

    private struct Statements {
        let point: Statement
        let room: Statement
        let contract: Statement
    }

    static func insert(_ context: DemoContext, units: [DemoUnit]) throws {
        let statements = Statements(
            point: try context.statement("""
                INSERT INTO collection_points (institution_id, location, kind, floor, bins, signage_ok, note, created_at, updated_at, version)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 1)
                """),
            room: try context.statement("""
                INSERT INTO storage_rooms (institution_id, location, area_centi_m2, categories, sealed, ventilated, signage_ok,
                    created_at, updated_at, version)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 1)
                """),
            contract: try context.statement("""
                INSERT INTO hauler_contracts (institution_id, category, hauler, licence_no, valid_from, valid_to, created_at,
                    updated_at, version)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, 1)
                """))
        for unit in units {
            let flaws = self.flaws(context, unit)
            let created = context.calendar.instant(context.calendar.setupDay.adding(days: context.rng.int(1...20)) ?? context.calendar.setupDay,
                                                   hour: context.rng.int(9...16))
            try points(context, unit, flaws, statements.point, created)
            try room(context, unit, flaws, statements.room, created)
            try contracts(context, unit, flaws, statements.contract, created)
        }
    }

    private static func flaws(_ context: DemoContext, _ unit: DemoUnit) -> Flaws {
        let b = unit.badness
        var flaws = Flaws()
        flaws.noResidualOnFloor = unit.floors > 0 && context.rng.chance(0.35 * b)
        flaws.noHazardousPoint = context.rng.chance(0.3 * b)
        flaws.missingFloorPoint = unit.floors > 1 && context.rng.chance(0.3 * b)
        flaws.noStorageRoom = context.rng.chance(0.35 * b)
        flaws.roomMixesHazardous = !flaws.noStorageRoom && context.rng.chance(0.2 * b)
        if context.rng.chance(0.35 * b) { flaws.expiredContract = context.rng.pick(context.categories) }
        flaws.badSignage = context.rng.chance(0.45 * b)
        return flaws
    }

    /// `{"recyclable":{"count":1,"capacity_l":60},…}` over the categories in force, in category order.
    private static func bins(_ context: DemoContext, _ specs: [(WasteCategory, Int, Int)]) -> String {
        let parts = specs.filter { context.isInForce($0.0) && $0.1 > 0 }.sorted { $0.0 < $1.0 }
            .map { "\"\($0.0.rawValue)\":{\"count\":\($0.1),\"capacity_l\":\($0.2)}" }
        return "{" + parts.joined(separator: ",") + "}"
    }

    private static func points(_ context: DemoContext, _ unit: DemoUnit, _ flaws: Flaws, _ statement: Statement,
                               _ created: String) throws {
        let sets = max(1, (unit.headcount + 49) / 50)
        let floors = flaws.missingFloorPoint ? unit.floors - 1 : unit.floors
        let bareFloor = min(2, unit.floors)
        let signFloor = context.rng.int(1...max(1, floors))
        for floor in 0..<max(0, floors) {
            let number = floor + 1
            let residual = flaws.noResidualOnFloor && number == bareFloor ? 0 : 1
            let place = context.rng.pick(["东侧走廊", "西侧走廊", "电梯间旁", "楼梯口", "茶水间"])
            try statement.run([unit.id, "\(ChineseNumeral.of(number))楼\(place)投放点", "office_floor", number,
                               bins(context, [(.recyclable, 1, 60), (.residual, residual, 60)]),
                               !(flaws.badSignage && number == signFloor), residual == 0 ? "其他垃圾桶损坏待补" : nil as String?, created, created])
        }
        try statement.run([unit.id, "一楼大厅四分类投放点", "entrance", 1,
                           bins(context, [(.recyclable, sets, 120), (.hazardous, flaws.noHazardousPoint ? 0 : sets, 30),
                                          (.food, sets, 120), (.residual, sets, 120)]),
                           true, flaws.noHazardousPoint ? "有害垃圾桶未配置" : nil as String?, created, created])
        if unit.hasCanteen {
            try statement.run([unit.id, "职工食堂后厨投放点", "canteen", 1,
                               bins(context, [(.food, max(2, sets / 2), 240), (.residual, 1, 240)]), true, nil as String?, created, created])
        }
        if unit.headcount >= 100 {
            try statement.run([unit.id, "院内东侧垃圾收集点", "outdoor", nil as Int?,
                               bins(context, [(.recyclable, 2, 240), (.residual, 2, 240)]), context.rng.chance(0.9), nil as String?, created, created])
        }
    }

    private static func room(_ context: DemoContext, _ unit: DemoUnit, _ flaws: Flaws, _ statement: Statement,
                             _ created: String) throws {
        let required = unit.hasCanteen || unit.headcount >= 100
        guard !flaws.noStorageRoom, required || context.rng.chance(0.3) else { return }
        let kept = context.categories.filter { !(flaws.roomMixesHazardous && $0 == .hazardous) }
        let categories = "[" + kept.map { "\"\($0.rawValue)\"" }.joined(separator: ",") + "]"
        try statement.run([unit.id, context.rng.pick(["地下一层垃圾暂存间", "院内东侧垃圾暂存间", "后院垃圾暂存间"]),
                           context.rng.int(8...30) * 100, categories, context.rng.chance(0.85), context.rng.chance(0.8),
                           !flaws.badSignage || context.rng.chance(0.5), created, created])
    }

    static let haulers: [WasteCategory: (hauler: String, licence: String)] = [
        .recyclable: ("双鸭山市绿源再生资源回收有限公司", "双商再生备字"),
        .hazardous: ("黑龙江省危险废物处置中心有限公司", "黑危废经字"),
        .food: ("双鸭山市洁城餐厨垃圾收运有限公司", "双城管收运许字"),
        .residual: ("尖山区环境卫生服务中心", "双城管收运许字"),
    ]

    private static func contracts(_ context: DemoContext, _ unit: DemoUnit, _ flaws: Flaws, _ statement: Statement,
                                  _ created: String) throws {
        let calendar = context.calendar
        for category in context.categories {
            guard let hauler = haulers[category] else { continue }
            let from = calendar.setupDay.adding(days: -context.rng.int(0...300)) ?? calendar.setupDay
            var to = max(from.adding(days: 729) ?? from, calendar.today.adding(days: context.rng.int(60...400)) ?? calendar.today)
            if flaws.expiredContract == category {
                to = max(from, calendar.today.adding(days: -context.rng.int(10...75)) ?? calendar.today)
            }
            let licence = "\(hauler.licence)〔\(from.year)〕第\(context.rng.int(1001...9999))号"
            try statement.run([unit.id, category.rawValue, hauler.hauler, licence, calendar.text(from), calendar.text(to), created, created])
        }
    }
}
