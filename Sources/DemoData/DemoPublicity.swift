import JSON
import Storage
import WasteDomain

/// Publicity and training activities, awareness surveys, task lists and dedicated funding.
/// Good units train every quarter and sign pledges; careless ones skip quarters and let tasks lapse.
enum DemoPublicity {
    private static let trainings = ["生活垃圾分类业务培训", "垃圾分类知识专题讲座", "分类投放实操培训", "垃圾分类政策解读会"]
    private static let tasks = ["制定本单位生活垃圾分类实施方案", "成立垃圾分类工作领导小组", "完成各楼层分类投放点配置",
                                "建立垃圾分类台帐制度", "组织全体职工分类知识培训", "签订垃圾分类目标责任书",
                                "设置有害垃圾暂存点", "开展垃圾分类宣传月活动"]

    static func insert(_ context: DemoContext, units: [DemoUnit]) throws {
        let activity = try context.statement("""
            INSERT INTO activities (institution_id, kind, title, held_on, participants, materials_count, note, created_at, updated_at, version)
            VALUES (?, ?, ?, ?, ?, ?, NULL, ?, ?, 1)
            """)
        let survey = try context.statement("""
            INSERT INTO surveys (institution_id, surveyed_on, respondents, aware, participating, created_at, updated_at, version)
            VALUES (?, ?, ?, ?, ?, ?, ?, 1)
            """)
        let quarters = self.quarters(context.calendar)
        for unit in units {
            for days in quarters {
                // Pledges and commitment letters once a half, in its first quarter.
                let pledge = (days.lowerBound.month - 1) / 3 % 2 == 0
                try quarter(context, unit, days, pledge: pledge, activity, survey)
            }
            try taskList(context, unit)
            try funding(context, unit)
        }
    }

    /// The past days of each quarter the demo covers, in order.
    private static func quarters(_ calendar: DemoCalendar) -> [ClosedRange<CalendarDate>] {
        var result: [ClosedRange<CalendarDate>] = []
        for month in calendar.months where month == calendar.months[0] || month.month % 3 == 1 {
            let last = YearMonth(year: month.year, month: (month.month - 1) / 3 * 3 + 3)?.lastDay ?? month.lastDay
            let end = min(last, calendar.yesterday)
            if month.firstDay <= end { result.append(month.firstDay...end) }
        }
        return result
    }

    private static func randomDay(_ context: DemoContext, _ days: ClosedRange<CalendarDate>) -> CalendarDate {
        days.lowerBound.adding(days: context.rng.int(0...days.lowerBound.days(to: days.upperBound))) ?? days.lowerBound
    }

    private static func quarter(_ context: DemoContext, _ unit: DemoUnit, _ days: ClosedRange<CalendarDate>, pledge: Bool,
                                _ activity: Statement, _ survey: Statement) throws {
        let calendar = context.calendar
        let staff = unit.headcount
        var held: [(String, String, Int, Int)] = []
        if context.rng.chance(0.45 + 0.55 * unit.quality) {
            held.append(("training", context.rng.pick(trainings), staff * context.rng.int(60...95) / 100, 0))
        }
        if pledge, context.rng.chance(0.35 + 0.6 * unit.quality) {
            let kind = context.rng.chance(0.5) ? "pledge" : "commitment_signing"
            held.append((kind, kind == "pledge" ? "党员干部生活垃圾分类承诺宣誓" : "签订生活垃圾分类承诺书", staff * context.rng.int(70...100) / 100, 0))
        }
        if context.rng.chance(0.5) {
            held.append(("materials", "发放垃圾分类宣传手册和海报", 0, context.rng.int(20...300)))
        }
        for (kind, title, participants, materials) in held {
            let day = randomDay(context, days)
            let created = calendar.instant(day, hour: 17)
            try activity.run([unit.id, kind, title, calendar.text(day), participants, materials, created, created])
        }
        guard context.rng.chance(0.5 + 0.3 * unit.quality) else { return }
        let day = randomDay(context, days)
        let respondents = min(staff, context.rng.int(15...50))
        let aware = min(respondents, Int(Double(respondents) * (0.62 + 0.36 * unit.quality + context.rng.double(-0.04, 0.04))))
        let participating = min(respondents, Int(Double(respondents) * (0.5 + 0.45 * unit.quality + context.rng.double(-0.05, 0.05))))
        let created = calendar.instant(day, hour: 16)
        try survey.run([unit.id, calendar.text(day), respondents, max(0, aware), max(0, participating), created, created])
    }

    /// 任务清单: four tasks with owners; past-due ones are mostly done, some left overdue.
    private static func taskList(_ context: DemoContext, _ unit: DemoUnit) throws {
        let calendar = context.calendar
        let start = calendar.months[0].firstDay
        let span = start.days(to: calendar.today) + 30
        var titles = tasks
        context.rng.shuffle(&titles)
        for title in titles.prefix(4) {
            let due = start.adding(days: context.rng.int(10...max(10, span))) ?? start
            var status = "open"
            var doneOn: CalendarDate?
            if due < calendar.today ? context.rng.chance(0.5 + 0.45 * unit.quality) : context.rng.chance(0.3) {
                status = "done"
                doneOn = max(start, min(calendar.yesterday, due.adding(days: -context.rng.int(0...10)) ?? due))
            } else if context.rng.chance(0.5) {
                status = "in_progress"
            }
            let created = calendar.instant(calendar.setupDay.adding(days: 25) ?? calendar.setupDay, hour: 10)
            let updated = doneOn.map { calendar.instant($0, hour: 17) } ?? created
            try context.db.execute("""
                INSERT INTO tasks (institution_id, title, owner, due_on, status, done_on, note, created_at, updated_at, version)
                VALUES (?, ?, ?, ?, ?, ?, NULL, ?, ?, 1)
                """, [unit.id, title, context.personName(), calendar.text(due), status, doneOn.map(calendar.text), created, updated])
        }
    }

    /// 专项经费: one line per year the demo touches; a few careless units have none.
    private static func funding(_ context: DemoContext, _ unit: DemoUnit) throws {
        guard unit.quality >= 0.3 || context.rng.chance(0.5) else { return }
        let calendar = context.calendar
        for year in Set(calendar.months.map(\.year)).sorted() {
            let budget = (unit.headcount * context.rng.int(80...250) + 5_000) / 100 * 100 * 100
            let share = year < calendar.today.year ? context.rng.double(0.7, 1.0)
                : Double(calendar.today.month) / 12 * context.rng.double(0.6, 1.1)
            let created = calendar.instant(CalendarDate(year: year, month: 1, day: 10).map { max($0, calendar.setupDay) } ?? calendar.setupDay,
                                           hour: 10)
            try context.db.execute("""
                INSERT INTO funding (institution_id, year, budget_fen, spent_fen, purpose, created_at, updated_at, version)
                VALUES (?, ?, ?, ?, ?, ?, ?, 1)
                """, [unit.id, year, budget, Int(Double(budget) * min(1, share)), "生活垃圾分类设施购置及宣传培训专项经费", created, created])
        }
    }
}
