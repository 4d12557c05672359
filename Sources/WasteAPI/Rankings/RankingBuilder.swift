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

    /// The ranking document, written straight to bytes: for 5,000 institutions, building a
    /// `JSONValue` tree first cost as much as computing the ranking.
    func body(generatedAt: Timestamp) -> [UInt8] {
        let (ranked, unranked) = rows()
        let shown = limit.map { Array(ranked.prefix($0)) } ?? ranked
        let reason = "no finalized inspection in \(current.period) up to \(current.asOf)"
        var writer = JSONWriter(capacity: 320 * shown.count + 160 * unranked.count + 512)
        writer.object { document in
            document.field("period", current.period.description)
            document.field("kind", kind?.rawValue)
            document.field("scheme_version", current.scheme.version)
            document.field("as_of", current.asOf.description)
            document.field("generated_at", generatedAt.description)
            document.field("ranked_count", ranked.count)
            document.array("entries") { entries in
                for row in shown { entries.object { write(row, to: &$0) } }
            }
            document.array("unranked") { list in
                for unit in unranked {
                    list.object { item in
                        item.object("institution") { Self.write(unit, to: &$0) }
                        item.field("reason", reason)
                    }
                }
            }
        }
        return writer.bytes
    }

    private func write(_ row: Row, to entry: inout JSONObjectWriter) {
        let grade = Grade(hundredths: row.score.total, thresholds: current.settings.gradeThresholds)
        let previous = previousRanks[row.unit.id]
        entry.field("rank", row.rank)
        entry.object("institution") { Self.write(row.unit, to: &$0) }
        entry.field("score", scaled: Int64(row.score.total), decimals: 2)
        entry.field("grade", grade.rawValue)
        entry.field("grade_zh", grade.chineseName)
        entry.object("components") { components in
            components.field("inspection", scaled: row.score.inspection.map(Int64.init), decimals: 2)
            components.field("ledger", scaled: row.score.ledger.map(Int64.init), decimals: 2)
            components.field("facility", scaled: row.score.facility.map(Int64.init), decimals: 2)
            components.field("publicity", scaled: row.score.publicity.map(Int64.init), decimals: 2)
        }
        entry.field("inspections", current.inputs[row.unit.id]?.inspections.count ?? 0)
        entry.field("previous_rank", previous)
        entry.field("change", previous.map { $0 - row.rank })
    }

    private static func write(_ unit: PeriodEvaluation.Unit, to institution: inout JSONObjectWriter) {
        institution.field("id", unit.id)
        institution.field("code", unit.code)
        institution.field("name", unit.name)
        institution.field("kind", unit.kind.rawValue)
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
