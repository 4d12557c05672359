import JSON
import Storage
import WasteDomain

/// What the district's state calls for today: ledger reports due within 3 days or overdue,
/// open findings due within 3 days or overdue. Run every minute by ``ReminderService`` and at
/// once by `POST /v1/reminders/run`; the outbox's (event, subject, day) key keeps each
/// reminder to once a day however often it runs.
enum ReminderScheduler {
    /// Overdue reports are reminded for the months of the last quarter; older arrears are the
    /// office's to pursue (they stay visible in `GET /v1/ledger-reports`). See docs/DECISIONS.md.
    static let monthsLookedBack = 3

    /// Occurrences due today that are not stored yet (read-only: the dry run prints these).
    static func pending(_ db: Connection, now: Timestamp, settings: DistrictSettings) throws -> [ReminderOccurrence] {
        let today = now.date(utcOffsetMinutes: settings.utcOffsetMinutes)
        let stored = Set(try db.query("SELECT event, subject FROM reminder_events WHERE day = ?", [today.description]).map {
            "\(try $0.string("event")) \(try $0.string("subject"))"
        })
        let all = try ledgerReminders(db, today: today, settings: settings) + findingReminders(db, today: today)
        return all.filter { !stored.contains("\($0.event.rawValue) \($0.subject)") }
    }

    /// Stores today's new occurrences with their deliveries; returns them with the number of
    /// deliveries each queued. The candidates are read outside the writer, which only inserts.
    static func run(_ database: DatabasePool, now: Timestamp, settings: DistrictSettings) throws -> [(ReminderOccurrence, Int)] {
        let candidates = try database.read { db in try pending(db, now: now, settings: settings) }
        guard !candidates.isEmpty else { return [] }
        return try database.write { db in
            let targets = try ReminderOutbox.targets(db)
            return try candidates.compactMap { occurrence in
                try ReminderOutbox.enqueue(db, occurrence, targets: targets, now: now).map { (occurrence, $0) }
            }
        }
    }

    private static func ledgerReminders(_ db: Connection, today: CalendarDate, settings: DistrictSettings) throws -> [ReminderOccurrence] {
        var months: [YearMonth] = [today.yearMonth]
        for _ in 0..<monthsLookedBack { months.append(months[months.count - 1].previous) }
        var found: [ReminderOccurrence] = []
        for month in months.reversed() {
            let dueOn = settings.reportDueDate(for: month)
            guard let reminder = DeadlineReminder.on(today, deadline: dueOn) else { continue }
            for owing in try ReportObligations.owing(db, month: month) {
                found.append(ledgerOccurrence(owing, month: month, dueOn: dueOn, reminder: reminder, today: today))
            }
        }
        return found
    }

    private static func ledgerOccurrence(_ owing: ReportObligations.Owing, month: YearMonth, dueOn: CalendarDate,
                                         reminder: DeadlineReminder, today: CalendarDate) -> ReminderOccurrence {
        let event: ReminderEvent, message: String
        var data: [(String, JSONValue)] = [("month", .string(month.description)), ("due_on", .string(dueOn.description)),
                                           ("report_status", .string(owing.status.rawValue))]
        switch reminder {
        case .dueSoon(let daysLeft):
            event = .ledgerReportDueSoon
            message = ReminderMessages.ledgerReportDueSoon(institution: owing.unit.name, month: month, dueOn: dueOn,
                                                           returned: owing.status == .returned)
            data.append(("days_left", .number(JSONNumber(daysLeft))))
        case .overdue(let daysLate):
            event = .ledgerReportOverdue
            message = ReminderMessages.ledgerReportOverdue(institution: owing.unit.name, month: month, dueOn: dueOn, daysLate: daysLate)
            data.append(("days_late", .number(JSONNumber(daysLate))))
        }
        return ReminderOccurrence(event: event, subject: "ledger_report:\(owing.unit.id):\(month)", day: today,
                                  institution: owing.unit, message: message, data: data)
    }

    private static func findingReminders(_ db: Connection, today: CalendarDate) throws -> [ReminderOccurrence] {
        guard let horizon = today.adding(days: ReminderEvent.dueSoonDays) else { return [] }
        let rows = try db.query("""
            SELECT f.id, f.description, f.rectify_by, f.severity, i.id AS institution_id, i.code, i.name
            FROM findings f JOIN institutions i ON i.id = f.institution_id
            WHERE f.status = 'open' AND f.rectify_by <= ? AND i.status = 'active' ORDER BY f.id
            """, [horizon.description])
        return try rows.compactMap { row in
            guard let rectifyBy = CalendarDate(parsing: try row.string("rectify_by")),
                  let reminder = DeadlineReminder.on(today, deadline: rectifyBy) else { return nil }
            let unit = ReminderOccurrence.Unit(id: try row.int64("institution_id"), code: try row.string("code"),
                                               name: try row.string("name"))
            let id = try row.int64("id"), description = try row.string("description")
            var data: [(String, JSONValue)] = [("finding_id", .number(JSONNumber(id))), ("rectify_by", .string(rectifyBy.description)),
                                               ("severity", .string(try row.string("severity")))]
            let event: ReminderEvent, message: String
            switch reminder {
            case .dueSoon(let daysLeft):
                event = .findingDueSoon
                message = ReminderMessages.findingDueSoon(institution: unit.name, description: description, rectifyBy: rectifyBy)
                data.append(("days_left", .number(JSONNumber(daysLeft))))
            case .overdue(let daysLate):
                event = .findingOverdue
                message = ReminderMessages.findingOverdue(institution: unit.name, description: description, rectifyBy: rectifyBy,
                                                          daysLate: daysLate)
                data.append(("days_late", .number(JSONNumber(daysLate))))
            }
            return ReminderOccurrence(event: event, subject: "finding:\(id)", day: today, institution: unit, message: message, data: data)
        }
    }
}
