import JSON
import Storage
import WasteDomain

/// 整改: a finding for each badly scored item, due two to four weeks after the inspection, in
/// every state a district really has: open, open past its deadline, rectified on time or late,
/// verified; pending under a draft, withdrawn under a voided inspection.
struct DemoFindings {
    private let statement: Statement

    init(_ context: DemoContext) throws {
        statement = try context.statement("""
            INSERT INTO findings (inspection_id, institution_id, position, item_code, description, severity, rectify_by, status,
                rectified_at, rectified_on, rectified_by, rectification_note, verified_at, verified_by, created_at, updated_at, version)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)
            """)
    }

    static let problems: [String: String] = [
        "A1": "未明确垃圾分类工作分管领导和专职联络员",
        "A2": "未制定源头减量具体措施，一次性用品使用较多",
        "A3": "实施方案和任务清单未细化到科室和责任人",
        "A4": "未定期召开垃圾分类工作会议，缺少会议记录",
        "A5": "未与各科室逐级签订垃圾分类目标责任书",
        "A6": "垃圾分类专项工作经费未落实",
        "B1": "楼道和食堂宣传氛围不浓，宣传海报缺失",
        "B2": "本季度未开展垃圾分类业务培训",
        "B3": "党员干部承诺书签订率低，志愿服务未开展",
        "B4": "随机抽查职工分类知晓率偏低",
        "C1": "部分楼层分类收集容器配置不全",
        "C2": "投放点标识不规范，未张贴投放指南",
        "C3": "分类投放准确率低于90%，混投现象较多",
        "C4": "收集容器满溢，清运不及时",
        "C5": "有害垃圾未单独存放，收运协议不全",
        "C6": "台帐记录不完整，月报未按时报送",
    ]

    /// Writes the findings of one inspection for the items in `weak` (code, share of points earned).
    func insert(_ context: DemoContext, unit: DemoUnit, inspection: DemoInspections.Planned, id: Int64,
                weak: [(code: String, share: Double)], created: String) throws {
        let calendar = context.calendar
        for (offset, item) in weak.enumerated() {
            let rectifyBy = inspection.date.adding(days: context.rng.pick([14, 21, 28])) ?? inspection.date
            var row = Outcome(status: inspection.status == "draft" ? "pending" : inspection.status == "voided" ? "withdrawn" : "open")
            if row.status == "open" { row = outcome(context, unit, inspected: inspection.date, rectifyBy: rectifyBy) }
            let rectifiedAt = row.rectifiedOn.map { calendar.instant($0, hour: 15, minute: context.rng.int(0...59)) }
            let verifiedAt = row.verifiedOn.map { calendar.instant($0, hour: 10) }
            try statement.run([
                id, unit.id, offset + 1, item.code, Self.problems[item.code] ?? "存在问题，需整改", item.share < 0.35 ? "major" : "minor",
                calendar.text(rectifyBy), row.status, rectifiedAt, row.rectifiedOn.map(calendar.text),
                rectifiedAt == nil ? nil : unit.clerkID, rectifiedAt == nil ? nil : "已按要求整改完毕，整改前后照片已存档",
                verifiedAt, verifiedAt == nil ? nil : context.inspectorID, created, verifiedAt ?? rectifiedAt ?? created,
            ])
        }
    }

    private struct Outcome {
        var status: String
        var rectifiedOn: CalendarDate?
        var verifiedOn: CalendarDate?
    }

    private func outcome(_ context: DemoContext, _ unit: DemoUnit, inspected: CalendarDate, rectifyBy: CalendarDate) -> Outcome {
        let calendar = context.calendar
        let earliest = inspected.adding(days: 3) ?? inspected
        guard earliest < calendar.today else { return Outcome(status: "open") }
        if rectifyBy >= calendar.today {
            // Still within the deadline: some are done already.
            guard context.rng.chance(0.35 + 0.3 * unit.quality) else { return Outcome(status: "open") }
            let on = min(calendar.yesterday, earliest.adding(days: context.rng.int(0...10)) ?? earliest)
            return verified(context, Outcome(status: "rectified", rectifiedOn: on), chance: 0.4)
        }
        let draw = context.rng.unit()
        let stillOpen = 0.08 + 0.3 * unit.badness
        if draw < stillOpen { return Outcome(status: "open") }
        if draw < stillOpen + 0.12 + 0.1 * unit.badness, let late = calendar.clampedPast(rectifyBy, plus: context.rng.int(1...12)) {
            return verified(context, Outcome(status: "rectified", rectifiedOn: late), chance: 0.5)
        }
        let window = max(0, earliest.days(to: rectifyBy))
        let on = min(calendar.yesterday, earliest.adding(days: context.rng.int(0...window)) ?? earliest)
        return verified(context, Outcome(status: "rectified", rectifiedOn: on), chance: 0.75)
    }

    /// An inspector's re-check a few days after the rectification, when that day has passed.
    private func verified(_ context: DemoContext, _ outcome: Outcome, chance: Double) -> Outcome {
        guard let rectified = outcome.rectifiedOn, context.rng.chance(chance),
              let on = context.calendar.clampedPast(rectified, plus: context.rng.int(1...7)) else { return outcome }
        return Outcome(status: "verified", rectifiedOn: rectified, verifiedOn: on)
    }
}
