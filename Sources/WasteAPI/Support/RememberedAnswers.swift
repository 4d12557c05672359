import JSON
import Storage
import Locking

/// An answer that knows how much memory remembering it costs.
protocol SizedAnswer: Sendable {
    var byteCount: Int { get }
}

/// Answers remembered per query for as long as none of the tables they were computed from has
/// been written (``DatabasePool/generation(ofTables:)``) and the district's day is the same:
/// district-wide figures cost seconds to compute and dashboards poll them.
///
/// Bounded in bytes, not entries: one ranking of a 100,000-unit district is ~18 MB, so a bound
/// by count let eight periods of it hold 1.8 GB. Past `maxBytes` the least recently used
/// answers are forgotten first; an answer larger than the bound is not remembered at all.
final class RememberedAnswers<Answer: SizedAnswer>: Sendable {
    private struct Entry: Sendable {
        let generation: Int
        let today: CalendarDate
        let answer: Answer
        var lastUse: Int
    }

    private struct State: Sendable {
        var entries: [String: Entry] = [:]
        var bytes = 0
        var uses = 0
    }

    /// The default bound of one cache (rankings and overviews have one each).
    static var defaultMaxBytes: Int { 32 << 20 }

    private let database: DatabasePool
    private let tables: [String]
    private let maxBytes: Int
    private let state = Locked(State())

    /// `tables`: every table the answers are read from.
    init(database: DatabasePool, tables: [String], maxBytes: Int = RememberedAnswers.defaultMaxBytes) {
        self.database = database
        self.tables = tables
        self.maxBytes = maxBytes
    }

    /// Read before computing an answer, and given back to ``remember(_:for:today:generation:)``:
    /// a write during the computation then makes the answer stale at once, never remembered past it.
    var generation: Int { database.generation(ofTables: tables) }

    /// Bytes of the answers remembered now.
    var rememberedBytes: Int { state.withLock { $0.bytes } }

    /// The remembered answer when none of the tables changed since, on the same day; nil otherwise.
    func answer(for key: String, today: CalendarDate) -> Answer? {
        let generation = self.generation
        return state.withLock { state in
            guard var hit = state.entries[key], hit.generation == generation, hit.today == today else { return nil }
            state.uses += 1
            hit.lastUse = state.uses
            state.entries[key] = hit
            return hit.answer
        }
    }

    /// The last answer for `key`, however old (to reuse a document whose inputs turned out equal).
    func lastAnswer(for key: String) -> Answer? {
        state.withLock { $0.entries[key]?.answer }
    }

    func remember(_ answer: Answer, for key: String, today: CalendarDate, generation: Int) {
        let size = answer.byteCount + key.utf8.count
        state.withLock { state in
            if let old = state.entries.removeValue(forKey: key) { state.bytes -= old.answer.byteCount + key.utf8.count }
            guard size <= maxBytes else { return }
            while state.bytes + size > maxBytes, let oldest = state.entries.min(by: { $0.value.lastUse < $1.value.lastUse }) {
                state.entries[oldest.key] = nil
                state.bytes -= oldest.value.answer.byteCount + oldest.key.utf8.count
            }
            state.uses += 1
            state.entries[key] = Entry(generation: generation, today: today, answer: answer, lastUse: state.uses)
            state.bytes += size
        }
    }
}

extension RankingService.Answer: SizedAnswer {
    var byteCount: Int { body.count + etag.utf8.count }
}

extension OverviewRoutes.Answer: SizedAnswer {
    var byteCount: Int { body.count + etag.utf8.count }
}
