import JSON
import Storage
import WasteDomain

/// Inspections on the active rubric, every item scored: a monthly one most months, a few
/// unannounced visits, a semi-annual assessment in each half; two drafts and one voided
/// duplicate. Scores follow each unit's quality, so grades run from excellent to fail.
enum DemoInspections {
    struct Planned {
        let date: CalendarDate
        let kind: String
        var status = "finalized"
    }

    private struct Item {
        let code: String
        let position: Int
        let maxTenths: Int
    }

    static func insert(_ context: DemoContext, units: [DemoUnit]) throws {
        let items = try context.db.query("""
            SELECT i.rubric_id, i.code, i.position, i.max_tenths FROM rubric_items i JOIN rubrics r ON r.id = i.rubric_id
            WHERE r.active = 1 ORDER BY i.position
            """)
        guard let rubricID = try items.first?.int64("rubric_id") else {
            throw DemoDistrict.Failure(description: "no active rubric with items: the demo inspections need one")
        }
        let rubric = try items.map { Item(code: try $0.string("code"), position: try $0.int("position"), maxTenths: try $0.int("max_tenths")) }
        let inspection = try context.statement("""
            INSERT INTO inspections (institution_id, rubric_id, inspected_on, kind, inspector_id, status, total_tenths, bins_checked,
                bins_correct, note, finalized_at, finalized_by, voided_at, voided_by, void_reason, created_at, updated_at, version)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)
            """)
        let score = try context.statement("""
            INSERT INTO inspection_scores (inspection_id, code, position, score_tenths, note) VALUES (?, ?, ?, ?, ?)
            """)
        let findings = try DemoFindings(context)
        var draftsLeft = 2
        var voidLeft = 1
        for unit in units where unit.inspected {
            var plan = self.plan(context, unit)
            if draftsLeft > 0, let last = plan.lastIndex(where: { $0.kind == "monthly" }) {
                plan[last].status = "draft"
                draftsLeft -= 1
            } else if voidLeft > 0, let last = plan.last(where: { $0.kind == "monthly" }) {
                plan.append(Planned(date: last.date, kind: "monthly", status: "voided"))
                voidLeft -= 1
            }
            for planned in plan {
                let (sheet, weak, sample) = self.sheet(context, unit, planned, rubric)
                let created = context.calendar.instant(planned.date, hour: 10, minute: context.rng.int(0...59))
                let closed = context.calendar.instant(planned.date, hour: planned.status == "voided" ? 18 : 17)
                let finalized = planned.status == "draft" ? nil : closed
                let voided = planned.status == "voided"
                try inspection.run([
                    unit.id, rubricID, context.calendar.text(planned.date), planned.kind, context.inspectorID, planned.status,
                    sheet.reduce(0) { $0 + $1.1 }, sample.checked, sample.correct,
                    planned.kind == "unannounced" ? "暗访：未提前通知，随机抽查投放点" : nil,
                    finalized, finalized == nil ? nil : context.inspectorID,
                    voided ? closed : nil, voided ? context.inspectorID : nil, voided ? "与同日月检查重复录入，作废" : nil,
                    created, finalized ?? created,
                ])
                let id = context.db.lastInsertRowID
                for (item, tenths) in sheet {
                    try score.run([id, item.code, item.position, tenths, nil as String?])
                }
                try findings.insert(context, unit: unit, inspection: planned, id: id, weak: weak, created: created)
            }
        }
    }

    /// The dates and kinds of one unit's inspections, in date order.
    private static func plan(_ context: DemoContext, _ unit: DemoUnit) -> [Planned] {
        let calendar = context.calendar
        var plan: [Planned] = []
        for month in calendar.months {
            guard let days = calendar.pastDays(of: month) else { continue }
            if days.count >= 5, context.rng.chance(0.92) {
                plan.append(Planned(date: calendar.day(month, context.rng.int(days)), kind: "monthly"))
            }
            if month.month % 3 == 0 || month == calendar.currentMonth, context.rng.chance(0.2 + 0.3 * unit.badness) {
                plan.append(Planned(date: calendar.day(month, context.rng.int(days)), kind: "unannounced"))
            }
            let endsHalf = month.month == 6 || month.month == 12
            if endsHalf && month != calendar.currentMonth {
                plan.append(Planned(date: calendar.day(month, min(days.upperBound, context.rng.int(15...25))), kind: "semiannual"))
            } else if month == calendar.currentMonth {
                // The running half's assessment, within the last weeks before today.
                let halfStart = CalendarDate(year: month.year, month: month.month <= 6 ? 1 : 7, day: 1) ?? month.firstDay
                let first = max(halfStart, calendar.today.adding(days: -30) ?? halfStart)
                if first < calendar.today {
                    let date = first.adding(days: context.rng.int(0...first.days(to: calendar.yesterday))) ?? first
                    plan.append(Planned(date: date, kind: "semiannual"))
                }
            }
        }
        return plan.sorted { $0.date < $1.date }
    }

    /// Every item's score in tenths, the weak items (for findings) and the accuracy sample.
    private static func sheet(_ context: DemoContext, _ unit: DemoUnit, _ planned: Planned, _ rubric: [Item])
        -> ([(Item, Int)], [(code: String, share: Double)], (checked: Int, correct: Int)) {
        var rng = context.rng
        defer { context.rng = rng }
        let level = 0.35 + 0.65 * unit.quality + rng.double(-0.08, 0.08) - (planned.kind == "unannounced" ? 0.05 : 0)
        let checked = rng.int(10...30)
        let accuracy = min(1, max(0.2, 0.55 + 0.43 * unit.quality + rng.double(-0.08, 0.08)))
        let correct = min(checked, Int((Double(checked) * accuracy).rounded()))
        var sheet: [(Item, Int)] = []
        var weak: [(code: String, share: Double)] = []
        for item in rubric {
            var share = min(1, max(0, level + rng.double(-0.15, 0.15)))
            if item.code == "C3" { share = min(1, max(0, (Double(correct) / Double(checked) - 0.5) / 0.4)) }
            let tenths = min(item.maxTenths, Int((Double(item.maxTenths) * share / 5).rounded()) * 5)
            sheet.append((item, tenths))
            let earned = Double(tenths) / Double(item.maxTenths)
            if earned < 0.65 { weak.append((item.code, earned)) }
        }
        return (sheet, Array(weak.sorted { $0.share < $1.share }.prefix(3)), (checked, correct))
    }
}
