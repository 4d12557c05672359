import JSON
import Storage
import WasteDomain

/// Events produced by a change itself, called inside the change's write transaction (the
/// ledger, finding and notice routes), so the change and its reminder commit or vanish together.
enum ReminderHooks {
    /// A ledger report was returned: its clerk must correct and resubmit.
    static func ledgerReportReturned(_ db: Connection, institutionID: Int64, month: YearMonth, reason: String, now: Timestamp) throws {
        guard let unit = try unit(db, institutionID) else { return }
        let settings = try SettingsStore.load(db).settings
        let dueOn = settings.reportDueDate(for: month)
        let message = ReminderMessages.ledgerReportReturned(institution: unit.name, month: month, dueOn: dueOn, reason: reason)
        try ReminderOutbox.enqueue(db, ReminderOccurrence(
            event: .ledgerReportReturned, subject: "ledger_report:\(institutionID):\(month)",
            day: now.date(utcOffsetMinutes: settings.utcOffsetMinutes), institution: unit, message: message,
            data: [("month", .string(month.description)), ("due_on", .string(dueOn.description)), ("reason", .string(reason))]), now: now)
    }

    /// A clerk reported a finding rectified: the inspection group must verify it.
    static func rectificationSubmitted(_ db: Connection, findingID: Int64, institutionID: Int64, description: String, note: String,
                                       now: Timestamp) throws {
        guard let unit = try unit(db, institutionID) else { return }
        let settings = try SettingsStore.load(db).settings
        let message = ReminderMessages.rectificationAwaitingVerification(institution: unit.name, description: description, note: note)
        try ReminderOutbox.enqueue(db, ReminderOccurrence(
            event: .rectificationAwaitingVerification, subject: "finding:\(findingID)",
            day: now.date(utcOffsetMinutes: settings.utcOffsetMinutes), institution: unit, message: message,
            data: [("finding_id", .number(JSONNumber(findingID))), ("note", .string(note))]), now: now)
    }

    /// A notice was published: every unit should read it.
    static func noticePublished(_ db: Connection, noticeID: Int64, number: String, title: String, now: Timestamp) throws {
        let settings = try SettingsStore.load(db).settings
        let message = ReminderMessages.noticePublished(office: settings.issuingOffice, number: number, title: title)
        try ReminderOutbox.enqueue(db, ReminderOccurrence(
            event: .noticePublished, subject: "notice:\(noticeID)", day: now.date(utcOffsetMinutes: settings.utcOffsetMinutes),
            institution: nil, message: message,
            data: [("notice_id", .number(JSONNumber(noticeID))), ("number", .string(number)), ("title", .string(title))]), now: now)
    }

    private static func unit(_ db: Connection, _ id: Int64) throws -> ReminderOccurrence.Unit? {
        try db.queryOne("SELECT id, code, name FROM institutions WHERE id = ?", [id]).map {
            .init(id: try $0.int64("id"), code: try $0.string("code"), name: try $0.string("name"))
        }
    }
}
