import Hashing
import HTTPCore
import JSON
import Storage
import Synchronization
import WasteDomain

/// Computes rankings and keeps the last answer per query, so that a dashboard's repeated
/// poll costs a comparison: nothing is read while no write has happened since, and when one
/// has, the answer is rebuilt only if an input behind it changed (its fingerprint is the ETag).
final class RankingService: Sendable {
    struct Answer: Sendable {
        let etag: String
        let body: [UInt8]
    }

    private struct Cached {
        let generation: Int
        let today: CalendarDate
        let answer: Answer
    }

    private let database: DatabasePool
    private let cache = Mutex<[String: Cached]>([:])

    init(database: DatabasePool) {
        self.database = database
    }

    /// The remembered answer when nothing was written since it was made; nil otherwise.
    func remembered(period: Period, kind: InstitutionKind?, limit: Int?, today: CalendarDate) -> Answer? {
        let generation = database.writeGeneration
        guard let hit = cache.withLock({ $0[Self.key(period, kind, limit)] }), hit.generation == generation,
              hit.today == today else { return nil }
        return hit.answer
    }

    private static func key(_ period: Period, _ kind: InstitutionKind?, _ limit: Int?) -> String {
        "\(period)|\(kind?.rawValue ?? "*")|\(limit.map(String.init) ?? "*")"
    }

    func ranking(period: Period, kind: InstitutionKind?, limit: Int?, today: CalendarDate, now: Timestamp) throws -> Answer {
        if let answer = remembered(period: period, kind: kind, limit: limit, today: today) { return answer }
        let key = Self.key(period, kind, limit)
        let generation = database.writeGeneration
        let (current, previous) = try database.read { db in
            (try PeriodEvaluation.load(db, period: period, today: today, kind: kind),
             try period.previous.map { try PeriodEvaluation.load(db, period: $0, today: today, kind: kind) })
        }
        let etag = "\"" + String(SHA256Digest.hex(current.fingerprint + (previous?.fingerprint ?? "")).prefix(32)) + "\""
        let answer: Answer
        if let hit = cache.withLock({ $0[key] }), hit.answer.etag == etag {
            answer = hit.answer  // inputs unchanged: same document, same tag
        } else {
            let builder = RankingBuilder(current: current, previousRanks: previous.map(RankingBuilder.ranks) ?? [:],
                                         kind: kind, limit: limit)
            answer = Answer(etag: etag, body: builder.document(generatedAt: now).serialized())
        }
        cache.withLock { cache in
            if cache.count > 256 { cache.removeAll() }
            cache[key] = Cached(generation: generation, today: today, answer: answer)
        }
        return answer
    }
}
