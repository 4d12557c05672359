import JSON
import WasteDomain

/// Turns a period's evaluation (and the previous period's, for rank changes) into the ranking document.
struct RankingBuilder {
    let current: PeriodEvaluation
    let previousRanks: [Int64: Int]
    let kind: InstitutionKind?
    let limit: Int?

    struct Row {
        let unit: PeriodEvaluation.Unit
        let rank: Int
        let score: PeriodScore
    }

    /// Ranked rows in order, and the units without a counted inspection.
    func rows() -> (ranked: [Row], unranked: [PeriodEvaluation.Unit]) {
        let scores = current.scores()
        let byID = Dictionary(uniqueKeysWithValues: current.units.map { ($0.id, $0) })
        let ranked = Ranking.rank(current.units.compactMap { unit in
            scores[unit.id].map { (id: unit.id, key: unit.code, score: $0.total) }
        }).compactMap { entry -> Row? in
            guard let unit = byID[entry.id], let score = scores[entry.id] else { return nil }
            return Row(unit: unit, rank: entry.rank, score: score)
        }
        let unranked = current.units.filter { scores[$0.id] == nil }
        return (ranked, unranked)
    }

    /// Ranks of every scored institution (used as the "previous rank" of the next period).
    static func ranks(_ evaluation: PeriodEvaluation) -> [Int64: Int] {
        let scores = evaluation.scores()
        let ranked = Ranking.rank(evaluation.units.compactMap { unit in
            scores[unit.id].map { (id: unit.id, key: unit.code, score: $0.total) }
        })
        return Dictionary(uniqueKeysWithValues: ranked.map { ($0.id, $0.rank) })
    }

    func document(generatedAt: Timestamp) -> JSONValue {
        let (ranked, unranked) = rows()
        let shown = limit.map { Array(ranked.prefix($0)) } ?? ranked
        let thresholds = current.settings.gradeThresholds
        let entries: [JSONValue] = shown.map { row in
            let grade = Grade(hundredths: row.score.total, thresholds: thresholds)
            let previous = previousRanks[row.unit.id]
            return .object(JSONObject([
                ("rank", .number(JSONNumber(row.rank))),
                ("institution", Self.institution(row.unit)),
                ("score", Self.hundredths(row.score.total)),
                ("grade", .string(grade.rawValue)),
                ("grade_zh", .string(grade.chineseName)),
                ("components", Self.components(row.score)),
                ("inspections", .number(JSONNumber(current.inputs[row.unit.id]?.inspections.count ?? 0))),
                ("previous_rank", previous.map { .number(JSONNumber($0)) } ?? .null),
                ("change", previous.map { .number(JSONNumber($0 - row.rank)) } ?? .null),
            ]))
        }
        let reason = "no finalized inspection in \(current.period) up to \(current.asOf)"
        return .object(JSONObject([
            ("period", .string(current.period.description)),
            ("kind", kind.map { .string($0.rawValue) } ?? .null),
            ("scheme_version", .number(JSONNumber(current.scheme.version))),
            ("as_of", .string(current.asOf.description)),
            ("generated_at", .string(generatedAt.description)),
            ("ranked_count", .number(JSONNumber(ranked.count))),
            ("entries", .array(entries)),
            ("unranked", .array(unranked.map { unit in
                .object(JSONObject([("institution", Self.institution(unit)), ("reason", .string(reason))]))
            })),
        ]))
    }

    static func institution(_ unit: PeriodEvaluation.Unit) -> JSONValue {
        .object(JSONObject([("id", .number(JSONNumber(unit.id))), ("code", .string(unit.code)), ("name", .string(unit.name)),
                            ("kind", .string(unit.kind.rawValue))]))
    }

    static func components(_ score: PeriodScore) -> JSONValue {
        .object(JSONObject([
            ("inspection", score.inspection.map(hundredths) ?? .null),
            ("ledger", score.ledger.map(hundredths) ?? .null),
            ("facility", score.facility.map(hundredths) ?? .null),
            ("publicity", score.publicity.map(hundredths) ?? .null),
        ]))
    }

    static func hundredths(_ value: Int) -> JSONValue { .number(JSONNumber(scaled: Int64(value), decimals: 2)) }
}
