import JSON
import Storage
import WasteDomain

/// Ledger entries (weights in grams, ≈ 0.3–0.8 kg per staff member per working day, several
/// entries per category and month) and the monthly reports: mostly on time, some late, a few
/// never submitted, many accepted, two returned; none yet for the running month.
enum DemoLedger {
    /// What a category is collected as: sub-categories, entries per month, how it is disposed of.
    private struct Stream {
        let category: WasteCategory
        let share: Double
        let entries: Int
        let subcategories: [String?]
    }

    private static let destinations: [String: String] = [
        "recycled": "双鸭山市再生资源分拣中心",
        "composted": "双鸭山市餐厨废弃物资源化处理厂",
        "hazardous_treatment": "黑龙江省危险废物集中处置中心",
        "incinerated": "双鸭山市生活垃圾焚烧发电厂",
        "landfilled": "双鸭山市生活垃圾卫生填埋场",
    ]

    static func insert(_ context: DemoContext, units: [DemoUnit], settings: DistrictSettings) throws {
        let entry = try context.statement("""
            INSERT INTO ledger_entries (institution_id, occurred_on, month, category, subcategory, weight_g, weighed, stage,
                hauler, destination, disposal, manifest_no, note, created_at, updated_at, version)
            VALUES (?, ?, ?, ?, ?, ?, ?, 'collected', ?, ?, ?, ?, NULL, ?, ?, 1)
            """)
        let report = try context.statement("""
            INSERT INTO ledger_reports (institution_id, month, status, submitted_at, submitted_by, accepted_at, accepted_by,
                returned_at, returned_by, return_reason, created_at, updated_at, version)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)
            """)
        var returnsLeft = 2
        for unit in units {
            let perStaffKg = context.rng.double(0.3, 0.8)
            for month in context.calendar.months {
                try entries(context, unit, month, perStaffKg: perStaffKg, entry)
            }
            try reports(context, unit, settings: settings, returnsLeft: &returnsLeft, report)
        }
    }

    private static func streams(_ unit: DemoUnit, hazardousThisMonth: Bool) -> [Stream] {
        let food = unit.hasCanteen ? 0.32 : 0.12
        return [
            Stream(category: .recyclable, share: 0.22, entries: 2, subcategories: ["paper", "plastic", "metal", "glass"]),
            Stream(category: .hazardous, share: 0.004, entries: hazardousThisMonth ? 1 : 0, subcategories: ["lamp", "battery", "medicine"]),
            Stream(category: .food, share: food, entries: unit.hasCanteen ? 4 : 2,
                   subcategories: [unit.hasCanteen ? "restaurant_food" : "household_food"]),
            Stream(category: .residual, share: 1 - 0.22 - 0.004 - food, entries: 4, subcategories: [nil]),
        ]
    }

    private static func entries(_ context: DemoContext, _ unit: DemoUnit, _ month: YearMonth, perStaffKg: Double,
                                _ statement: Statement) throws {
        let calendar = context.calendar
        guard let days = calendar.pastDays(of: month) else { return }
        let workingDays = WorkingDays.count(from: month.firstDay, to: calendar.day(month, days.upperBound))
        let monthGrams = Double(unit.headcount * max(1, workingDays)) * perStaffKg * 1000 * context.rng.double(0.85, 1.15)
        let monthText = month.description
        for stream in streams(unit, hazardousThisMonth: context.rng.chance(0.35)) where stream.entries > 0 && context.isInForce(stream.category) {
            let grams = max(200, Int(monthGrams * stream.share))
            let slot = max(1, days.count / stream.entries)
            for index in 0..<stream.entries {
                let first = days.lowerBound + min(index * slot, days.count - 1)
                let day = calendar.day(month, min(days.upperBound, first + context.rng.int(0...(slot - 1))))
                let weight = max(100, grams / stream.entries + context.rng.int(-grams / 20 / stream.entries...grams / 20 / stream.entries))
                let disposal = self.disposal(stream.category, &context.rng)
                let manifest = stream.category == .hazardous
                    ? "HW\(month.year)\(month.month < 10 ? "0" : "")\(month.month)-\(unit.code.dropFirst(3))-\(index + 1)" : nil
                let created = calendar.instant(day, hour: context.rng.int(15...17), minute: context.rng.int(0...59))
                try statement.run([unit.id, calendar.text(day), monthText, stream.category.rawValue,
                                   context.rng.pick(stream.subcategories), weight, context.rng.chance(0.9),
                                   DemoFacilities.haulers[stream.category]?.hauler, destinations[disposal], disposal, manifest,
                                   created, created])
            }
        }
    }

    private static func disposal(_ category: WasteCategory, _ rng: inout DemoRandom) -> String {
        switch category {
        case .recyclable: "recycled"
        case .food: "composted"
        case .hazardous: "hazardous_treatment"
        case .residual: rng.chance(0.75) ? "incinerated" : "landfilled"
        }
    }

    private static let returnReasons = ["厨余垃圾重量与食堂就餐人数明显不符，请核实后重新报送",
                                        "有害垃圾缺少转移联单编号，请补充后重新报送"]

    private static func reports(_ context: DemoContext, _ unit: DemoUnit, settings: DistrictSettings, returnsLeft: inout Int,
                                _ statement: Statement) throws {
        let calendar = context.calendar
        let complete = calendar.months.filter { $0 < calendar.currentMonth }
        for (index, month) in complete.enumerated() {
            let due = settings.reportDueDate(for: month)
            let onTime = 0.55 + 0.43 * unit.quality
            let draw = context.rng.unit()
            let submittedOn: CalendarDate
            if draw < onTime {
                submittedOn = month.next.firstDay.adding(days: context.rng.int(0...max(0, due.day - 1))) ?? due
            } else if draw < onTime + (1 - onTime) * 0.6 {
                submittedOn = due.adding(days: context.rng.int(1...15)) ?? due
            } else {
                continue  // never submitted: the office sees it missing
            }
            guard submittedOn < calendar.today else { continue }
            let submittedAt = calendar.instant(submittedOn, hour: context.rng.int(8...17), minute: context.rng.int(0...59))
            var status = "submitted"
            var accepted: (String, Int64)?
            var returned: (String, Int64, String)?
            if returnsLeft > 0, unit.quality < 0.7, index == max(0, complete.count - 2),
               let on = calendar.clampedPast(submittedOn, plus: 2) {
                returnsLeft -= 1
                status = "returned"
                returned = (calendar.instant(on, hour: 10), context.inspectorID, returnReasons[returnsLeft % returnReasons.count])
            } else if context.rng.chance(0.65), let on = calendar.clampedPast(submittedOn, plus: context.rng.int(1...6)) {
                status = "accepted"
                accepted = (calendar.instant(on, hour: 11), context.inspectorID)
            }
            let updated = returned?.0 ?? accepted?.0 ?? submittedAt
            try statement.run([unit.id, month.description, status, submittedAt, unit.clerkID, accepted?.0, accepted?.1,
                               returned?.0, returned?.1, returned?.2, submittedAt, updated])
        }
    }
}
