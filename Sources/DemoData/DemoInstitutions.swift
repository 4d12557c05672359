import JSON
import Storage
import WasteDomain

/// The institutions: names from ``DemoNames``, codes `JS-0001`…, sizes fitting their kind,
/// and a hidden quality that spreads them over every grade.
enum DemoInstitutions {
    private static let roads = ["建设路", "新兴大街", "光明路", "长胜路", "红旗路", "东平行路", "八马路", "二马路", "富安路", "站前路"]

    static func insert(_ context: DemoContext, count: Int) throws -> [DemoUnit] {
        let statement = try context.statement("""
            INSERT INTO institutions (code, name, kind, parent_department, address, headcount, floors, has_canteen,
                building_area_centi_m2, contact_name, contact_phone, working_body_established_on, plan_submitted_on,
                reporting_starts_on, status, created_at, updated_at, version)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'active', ?, ?, 1)
            """)
        let calendar = context.calendar
        let created = calendar.instant(calendar.setupDay, hour: 9)
        // Units registered a month before the first data owe reports from the first data month.
        let reportingStart = calendar.months[0].firstDay.description
        let uninspected = uninspectedIndices(context, count: count)
        var units: [DemoUnit] = []
        units.reserveCapacity(count)
        for (index, named) in DemoNames.units(count).enumerated() {
            let code = "JS-" + String(repeating: "0", count: max(0, 4 - String(index + 1).count)) + String(index + 1)
            let headcount = self.headcount(named, &context.rng)
            let floors = min(10, max(1, headcount / 30 + context.rng.int(1...2)))
            let canteen = context.rng.chance(headcount >= 100 || named.name.hasSuffix("学") || named.name.contains("医院") ? 0.85 : 0.3)
            let quality = self.quality(&context.rng)
            let (body, plan) = planDates(context, quality: quality)
            try statement.run([
                code, named.name, named.kind.rawValue, named.parent,
                "双鸭山市尖山区\(context.rng.pick(roads))\(context.rng.int(1...388))号", headcount, floors, canteen,
                headcount * context.rng.int(12...30) * 100, context.personName(),
                "0469-4\(context.rng.int(100_000...999_999))", body, plan, reportingStart, created, created,
            ])
            units.append(DemoUnit(id: context.db.lastInsertRowID, code: code, name: named.name, kind: named.kind,
                                  headcount: headcount, floors: floors, hasCanteen: canteen, quality: quality,
                                  inspected: !uninspected.contains(index)))
        }
        return units
    }

    /// A fifth of the district, never the first two (they have the demo clerks).
    private static func uninspectedIndices(_ context: DemoContext, count: Int) -> Set<Int> {
        guard count > 2 else { return [] }
        var candidates = Array(2..<count)
        context.rng.shuffle(&candidates)
        return Set(candidates.prefix(count / 5))
    }

    private static func headcount(_ unit: DemoNames.Unit, _ rng: inout DemoRandom) -> Int {
        let name = unit.name
        if name.contains("医院") || name.contains("保健院") { return rng.int(180...400) }
        if name.hasSuffix("中学") || name.hasSuffix("小学") { return rng.int(60...220) }
        if name.hasSuffix("幼儿园") { return rng.int(20...60) }
        switch unit.kind {
        case .partyGovernmentOrgan: return rng.int(20...150)
        case .publicInstitution: return rng.int(15...120)
        case .socialOrganization: return rng.int(15...60)
        case .stateEnterprise: return rng.int(30...300)
        case .other: return rng.int(15...80)
        }
    }

    /// A quarter exemplary, a third good, a quarter middling, the rest careless.
    private static func quality(_ rng: inout DemoRandom) -> Double {
        let tier = rng.unit()
        if tier < 0.25 { return rng.double(0.88, 1.0) }
        if tier < 0.60 { return rng.double(0.62, 0.88) }
        if tier < 0.88 { return rng.double(0.38, 0.62) }
        return rng.double(0.0, 0.3)
    }

    /// The working body (工作机构) and plan (实施方案): most set up before the data starts,
    /// some careless units still without one or both.
    private static func planDates(_ context: DemoContext, quality: Double) -> (String?, String?) {
        let setup = context.calendar.setupDay
        guard context.rng.chance(0.75 + 0.25 * quality) else { return (nil, nil) }
        let body = setup.adding(days: -context.rng.int(20...400)) ?? setup
        guard context.rng.chance(0.8 + 0.2 * quality) else { return (context.calendar.text(body), nil) }
        let plan = body.adding(days: context.rng.int(7...60)) ?? body
        return (context.calendar.text(body), context.calendar.text(min(plan, setup)))
    }
}
