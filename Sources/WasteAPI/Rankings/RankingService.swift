import Hashing
import HTTPCore
import JSON
import Storage
import WasteDomain

/// Computes rankings and keeps the last answer per query, so that a dashboard's repeated
/// poll costs a comparison: nothing is read while no table behind rankings has been written
/// since (ledger entries, users or audit events are not), and when one has, the answer is
/// rebuilt only if an input behind it changed (its fingerprint is the ETag).
final class RankingService: Sendable {
    struct Answer: Sendable {
        let etag: String
        let body: [UInt8]
    }

    /// Every table a ranking reads (``PeriodEvaluation``): a write elsewhere cannot change one.
    static let inputTables = ["institutions", "settings", "scoring_schemes", "inspections", "ledger_reports",
                              "collection_points", "storage_rooms", "hauler_contracts", "facility_standards", "activities"]

    private let database: DatabasePool
    private let answers: RememberedAnswers<Answer>

    init(database: DatabasePool) {
        self.database = database
        self.answers = RememberedAnswers(database: database, tables: Self.inputTables)
    }

    /// The remembered answer when no input table was written since it was made; nil otherwise.
    func remembered(period: Period, kind: InstitutionKind?, limit: Int?, today: CalendarDate) -> Answer? {
        answers.answer(for: Self.key(period, kind, limit), today: today)
    }

    private static func key(_ period: Period, _ kind: InstitutionKind?, _ limit: Int?) -> String {
        "\(period)|\(kind?.rawValue ?? "*")|\(limit.map(String.init) ?? "*")"
    }

    func ranking(period: Period, kind: InstitutionKind?, limit: Int?, today: CalendarDate, now: Timestamp) throws -> Answer {
        if let answer = remembered(period: period, kind: kind, limit: limit, today: today) { return answer }
        let key = Self.key(period, kind, limit)
        let generation = answers.generation
        let ((current, currentPrint), previous) = try evaluations(period: period, kind: kind, today: today)
        let etag = "\"" + String(SHA256Digest.hex(currentPrint + (previous?.fingerprint ?? "")).prefix(32)) + "\""
        let answer: Answer
        if let last = answers.lastAnswer(for: key), last.etag == etag {
            answer = last  // inputs unchanged: same document, same tag
        } else {
            let builder = RankingBuilder(current: current, previousRanks: previous?.ranks ?? [:], kind: kind, limit: limit)
            answer = Answer(etag: etag, body: builder.body(generatedAt: now))
        }
        answers.remember(answer, for: key, today: today, generation: generation)
        return answer
    }

    /// The period's evaluation and fingerprint, and the previous period's ranks and fingerprint,
    /// computed side by side on two readers. Each reads its own snapshot: a write committed
    /// between the two can pair them inconsistently, but it also moves the input tables'
    /// generation, so that answer is never served from the cache again.
    private func evaluations(period: Period, kind: InstitutionKind?, today: CalendarDate) throws
        -> ((PeriodEvaluation, String), (ranks: [Int64: Int], fingerprint: String)?) {
        let database = database
        let current: @Sendable () throws -> (PeriodEvaluation, String) = {
            let evaluation = try database.read { try PeriodEvaluation.load($0, period: period, today: today, kind: kind) }
            return (evaluation, evaluation.fingerprint)
        }
        guard let previousPeriod = period.previous else { return (try current(), nil) }
        return try concurrently(current) {
            let evaluation = try database.read { try PeriodEvaluation.load($0, period: previousPeriod, today: today, kind: kind) }
            return (ranks: RankingBuilder.ranks(evaluation), fingerprint: evaluation.fingerprint)
        }
    }
}
