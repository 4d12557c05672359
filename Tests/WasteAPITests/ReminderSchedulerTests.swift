import Foundation
import JSON
import Testing
@testable import WasteAPI
import WasteDomain

/// The scheduler's events (docs/DECISIONS.md, "Reminders"), with dates relative to today and
/// the district's UTC offset.
@Suite struct ReminderSchedulerTests {
    /// 20:00 UTC on the first day from today whose district date D (UTC+8: the next day) has
    /// D + 3 on or before the 28th, so a due day of settings can land there.
    static func evening() -> (clock: Timestamp, districtToday: CalendarDate) {
        let utcToday = Timestamp(secondsSinceEpoch: Int64(Date().timeIntervalSince1970)).date(utcOffsetMinutes: 0)
        var day = utcToday
        while day.adding(days: 4)!.day > 28 { day = day.adding(days: 1)! }
        return (Timestamp(secondsSinceEpoch: Int64(day.daysSinceEpoch) * 86_400 + 20 * 3600), day.adding(days: 1)!)
    }

    @Test func ledgerReportsDueWithinThreeDaysAndOverdueOnesAreRemindedOnTheDistrictDate() throws {
        let (clock, today) = Self.evening()
        let world = try ReminderWorld(clock: clock)
        #expect(try world.today == today)
        let dueOn = today.adding(days: 3)!
        try world.setDueDay(dueOn.day)
        let dueMonth = dueOn.yearMonth.previous
        let overdueMonth = dueMonth.previous
        try world.setReport(institution: 2, month: dueMonth, status: "submitted")
        try world.setReport(institution: 1, month: overdueMonth, status: "returned")

        let run = try world.run()
        let keys = ReminderWorld.keys(run)
        #expect(keys.contains("ledger_report_due_soon ledger_report:1:\(dueMonth)"))
        #expect(!keys.contains("ledger_report_due_soon ledger_report:2:\(dueMonth)"), "a submitted report is not chased")
        #expect(!keys.contains { $0.contains("ledger_report:3:") }, "archived institutions owe nothing")
        #expect(keys.contains("ledger_report_overdue ledger_report:1:\(overdueMonth)"), "a returned report is still owed")
        #expect(keys.contains("ledger_report_overdue ledger_report:2:\(overdueMonth)"))
        let soon = try #require(run["items"]?.arrayValue?.first { $0["subject"]?.stringValue == "ledger_report:1:\(dueMonth)" })
        #expect(soon["day"]?.stringValue == today.description)
        #expect(soon["message"]?.stringValue == "【催报】尖山区统计局：\(dueMonth.chineseName)台账应于\(dueOn.year)年\(dueOn.month)月\(dueOn.day)日前报送，目前尚未报送。请登录系统报送。")
        let late = overdueMonth.next.firstDay.adding(days: dueOn.day - 1)!
        let overdue = try #require(run["items"]?.arrayValue?.first { $0["subject"]?.stringValue == "ledger_report:2:\(overdueMonth)" })
        #expect(overdue["message"]?.stringValue?.contains("已逾期\(late.days(to: today))天") == true)
    }

    @Test func noMonthBeforeAnInstitutionsReportingStartIsChased() throws {
        let world = try ReminderWorld()
        try world.setDueDay(1)
        let month = try world.today.yearMonth.previous
        try world.app.sql("UPDATE institutions SET reporting_starts_on = ? WHERE id = 2", [month.next.firstDay.description])
        let keys = ReminderWorld.keys(try world.run())
        #expect(keys.contains("ledger_report_overdue ledger_report:1:\(month)"))
        #expect(!keys.contains { $0.contains("ledger_report:2:") }, "institution 2 owes nothing before \(month.next)")
    }

    @Test func theSameMomentInUTCIsAnotherDayWithAnotherOffset() throws {
        let (clock, today) = Self.evening()
        // at UTC+0 it is still the day before: the due date is 4 days away, not 3
        let world = try ReminderWorld(utcOffsetMinutes: 0, clock: clock)
        let dueOn = today.adding(days: 3)!
        try world.setDueDay(dueOn.day)
        let keys = ReminderWorld.keys(try world.run())
        #expect(!keys.contains("ledger_report_due_soon ledger_report:1:\(dueOn.yearMonth.previous)"))
        try world.app.client.put("/v1/settings", json: ["utc_offset_minutes": 480], token: world.admin)
        #expect(ReminderWorld.keys(try world.run()).contains("ledger_report_due_soon ledger_report:1:\(dueOn.yearMonth.previous)"))
    }

    @Test func openFindingsDueWithinThreeDaysAndOverdueOnesAreReminded() throws {
        let world = try ReminderWorld()
        try world.setDueDay(28)
        let today = try world.today
        let soon = try world.addFinding(institution: 1, rectifyBy: today.adding(days: 2)!)
        let onTheDay = try world.addFinding(institution: 2, rectifyBy: today)
        let late = try world.addFinding(institution: 1, rectifyBy: today.adding(days: -4)!)
        let later = try world.addFinding(institution: 1, rectifyBy: today.adding(days: 5)!)
        let rectified = try world.addFinding(institution: 1, rectifyBy: today.adding(days: -1)!, status: "rectified")
        let pending = try world.addFinding(institution: 1, rectifyBy: today.adding(days: -1)!, status: "pending")

        let run = try world.run()
        let keys = ReminderWorld.keys(run).filter { $0.contains("finding:") }
        #expect(keys == ["finding_due_soon finding:\(soon)", "finding_due_soon finding:\(onTheDay)", "finding_overdue finding:\(late)"])
        #expect(!keys.contains { $0.hasSuffix(":\(later)") || $0.hasSuffix(":\(rectified)") || $0.hasSuffix(":\(pending)") })
        let overdue = try #require(run["items"]?.arrayValue?.first { $0["subject"]?.stringValue == "finding:\(late)" })
        #expect(overdue["message"]?.stringValue?.hasPrefix("【整改逾期】尖山区统计局：检查发现的问题“厨余垃圾桶内混有其他垃圾”") == true)
        #expect(overdue["message"]?.stringValue?.contains("已逾期4天") == true)
    }

    @Test func eachSubjectIsRemindedOncePerDay() throws {
        let world = try ReminderWorld()
        try world.setDueDay(28)
        let today = try world.today
        let finding = try world.addFinding(institution: 1, rectifyBy: today.adding(days: -1)!)
        try world.subscribe(world.webhook(events: [.findingOverdue]))
        let first = try world.run()
        #expect(ReminderWorld.keys(first).contains("finding_overdue finding:\(finding)"))
        #expect(first["deliveries"]?.int64 == Int64(first["items"]?.arrayValue?.filter { $0["event"]?.stringValue == "finding_overdue" }.count ?? -1))
        let again = try world.run()
        #expect(again["count"]?.int64 == 0, "a second pass the same day queues nothing")
        world.app.clock.advance(seconds: 86_400)
        #expect(ReminderWorld.keys(try world.run()).contains("finding_overdue finding:\(finding)"), "the next day, once more")
        let rows = try world.app.rows("SELECT day FROM reminder_events WHERE subject = ? ORDER BY day", ["finding:\(finding)"])
        #expect(rows.map { $0["day"] } == [today.description, today.adding(days: 1)!.description])
        #expect(try world.app.rows("SELECT id FROM deliveries").count == 2)
    }

    @Test func domainChangesQueueTheirEventsWithTheChange() throws {
        let world = try ReminderWorld()
        try world.setDueDay(28)
        try world.subscribe(world.webhook(events: [.ledgerReportReturned, .rectificationAwaitingVerification, .noticePublished]))
        let month = try world.today.yearMonth.previous
        let declared: JSONValue = ["no_waste": true, "reason": "办公楼装修停用"]
        #expect(try world.app.client.post("/v1/institutions/1/ledger-reports/\(month)/submit", json: declared, token: world.clerk).status == 200)
        let returned = try world.app.client.post("/v1/institutions/1/ledger-reports/\(month)/return",
                                                 json: ["reason": "厨余垃圾数据缺失"], token: world.admin)
        #expect(returned.status == 200)
        let finding = try world.addFinding(institution: 1, rectifyBy: try world.today.adding(days: 10)!)
        // rectification_requires_photo: the clerk's after photo comes first
        #expect(try world.app.client.uploadRaw("/v1/findings/\(finding)/attachments?stage=rectified", ExifJPEGBuilder().jpeg(),
                                               token: world.clerk).status == 201)
        #expect(try world.app.client.post("/v1/findings/\(finding)/rectify", json: ["note": "已更换分类桶"], token: world.clerk).status == 200)
        let draft = try world.app.client.post("/v1/notices", json: ["period": .string(month.description), "kind": "monthly"], token: world.admin)
        let noticeID = try #require(draft.json["id"]?.int64)
        let published = try world.app.client.request("POST", "/v1/notices/\(noticeID)/publish", token: world.admin)
        #expect(published.status == 200)

        let events = try world.app.rows("""
            SELECT e.event, e.subject, e.message, COUNT(d.id) AS deliveries FROM reminder_events e
            LEFT JOIN deliveries d ON d.event_id = e.id GROUP BY e.id ORDER BY e.id
            """)
        #expect(events.map { $0["event"] } == ["ledger_report_returned", "rectification_awaiting_verification", "notice_published"])
        try #require(events.count == 3)
        #expect(events.allSatisfy { $0["deliveries"] == "1" })
        #expect(events[0]["message"]?.contains("原因：厨余垃圾数据缺失") == true)
        #expect(events[1]["message"] == "【待核查】尖山区统计局已报告问题“厨余垃圾桶内混有其他垃圾”整改完成（整改说明：已更换分类桶）。请检查组及时核查。")
        #expect(events[2]["message"]?.contains(published.json["number"]?.stringValue ?? "?") == true)
    }

    @Test func aRefusedChangeQueuesNothing() throws {
        let world = try ReminderWorld()
        try world.subscribe(world.webhook(events: [.ledgerReportReturned]))
        let month = try world.today.yearMonth.previous
        // nothing was submitted: returning is a 409, and the transaction (with its event) rolls back
        let refused = try world.app.client.post("/v1/institutions/1/ledger-reports/\(month)/return",
                                                json: ["reason": "x"], token: world.admin)
        #expect(refused.status == 409)
        #expect(try world.app.rows("SELECT id FROM reminder_events").isEmpty)
    }

    @Test func onlyAdminsRunTheScheduler() throws {
        let world = try ReminderWorld()
        #expect(try world.app.client.post("/v1/reminders/run", json: [:], token: world.clerk).status == 403)
        #expect(try world.app.client.post("/v1/reminders/run", json: [:], token: world.inspector).status == 403)
    }
}
