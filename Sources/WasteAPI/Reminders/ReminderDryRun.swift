import Storage
import WasteDomain

/// The text of `wastesort remind --dry-run`: today's reminders not yet queued, each with the
/// subscriptions it would go to, then the deliveries already waiting to be sent.
public enum ReminderDryRun {
    public static func lines(_ database: DatabasePool, now: Timestamp) throws -> [String] {
        try database.read { db in
            let settings = try SettingsStore.load(db).settings
            let today = now.date(utcOffsetMinutes: settings.utcOffsetMinutes)
            let occurrences = try ReminderScheduler.pending(db, now: now, settings: settings)
            let targets = try ReminderOutbox.targets(db)
            let channels = Dictionary(uniqueKeysWithValues: try db.query("SELECT id, channel FROM subscriptions WHERE deleted_at IS NULL")
                .map { (try $0.int64("id"), try $0.string("channel")) })
            var lines = ["\(today) (district date): \(occurrences.count) reminder(s) would be queued now"]
            for occurrence in occurrences {
                let to = targets.filter { $0.matches(occurrence) }.map { "#\($0.id) \(channels[$0.id] ?? "?")" }
                lines.append("\(occurrence.event.rawValue) \(occurrence.subject) → \(to.isEmpty ? "no subscription" : to.joined(separator: ", "))")
                lines.append("    \(occurrence.message)")
            }
            let waiting = try db.query("""
                SELECT d.delivery_id, d.attempts, d.next_attempt_at, e.event, e.message, s.id AS subscription_id, s.channel
                FROM deliveries d JOIN reminder_events e ON e.id = d.event_id JOIN subscriptions s ON s.id = d.subscription_id
                WHERE d.status = 'pending' ORDER BY d.next_attempt_at, d.id
                """)
            lines.append("\(waiting.count) delivery(ies) already queued and not yet delivered")
            for row in waiting {
                let next = Timestamp(secondsSinceEpoch: try row.int64("next_attempt_at"))
                lines.append("\(try row.string("delivery_id")) \(try row.string("event")) → #\(try row.int64("subscription_id")) "
                             + "\(try row.string("channel")), attempt \(try row.int("attempts") + 1) \(next <= now ? "now" : "at \(next)")")
            }
            return lines
        }
    }
}
