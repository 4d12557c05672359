import JSON
import Storage
import Locking

/// Answers remembered per query for as long as none of the tables they were computed from has
/// been written (``DatabasePool/generation(ofTables:)``) and the district's day is the same:
/// district-wide figures cost seconds to compute and dashboards poll them.
final class RememberedAnswers<Answer: Sendable>: Sendable {
    private struct Entry: Sendable {
        let generation: Int
        let today: CalendarDate
        let answer: Answer
    }

    private let database: DatabasePool
    private let tables: [String]
    private let entries = Locked<[String: Entry]>([:])

    /// `tables`: every table the answers are read from.
    init(database: DatabasePool, tables: [String]) {
        self.database = database
        self.tables = tables
    }

    /// Read before computing an answer, and given back to ``remember(_:for:today:generation:)``:
    /// a write during the computation then makes the answer stale at once, never remembered past it.
    var generation: Int { database.generation(ofTables: tables) }

    /// The remembered answer when none of the tables changed since, on the same day; nil otherwise.
    func answer(for key: String, today: CalendarDate) -> Answer? {
        let generation = self.generation
        guard let hit = entries.withLock({ $0[key] }), hit.generation == generation, hit.today == today else { return nil }
        return hit.answer
    }

    /// The last answer for `key`, however old (to reuse a document whose inputs turned out equal).
    func lastAnswer(for key: String) -> Answer? {
        entries.withLock { $0[key]?.answer }
    }

    func remember(_ answer: Answer, for key: String, today: CalendarDate, generation: Int) {
        entries.withLock { entries in
            if entries.count > 256 { entries.removeAll() }
            entries[key] = Entry(generation: generation, today: today, answer: answer)
        }
    }
}
