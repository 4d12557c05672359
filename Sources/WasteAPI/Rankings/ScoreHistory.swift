import HTTPCore
import JSON
import Routing
import WasteDomain

/// `GET /v1/institutions/{id}/scores?from=YYYY-MM&to=YYYY-MM`: the score of each month with
/// every input behind it, so any figure in a ranking or notice can be explained.
enum ScoreHistory {
    static func respond(_ context: APIContext) throws -> HTTPResponse {
        let id = try context.parameters.id()
        try context.requireInstitutionAccess(id)
        let query = try context.query()
        let today = try context.today()
        let to = try month(query, "to") ?? today.yearMonth
        let from = try month(query, "from") ?? monthsBack(5, from: to)
        guard from <= to else { throw HTTPError.invalidQuery("to", "must not be before from") }
        guard monthsBetween(from, to) <= 36 else { throw HTTPError.invalidQuery("from", "the range may span at most 36 months") }
        let items = try context.services.database.read { db -> [JSONValue]? in
            guard try db.queryOne("SELECT id FROM institutions WHERE id = ?", [id]) != nil else { return nil }
            var items: [JSONValue] = []
            var month = from
            while month <= to {
                let period = Period(kind: .month, year: month.year, index: month.month)!
                let evaluation = try PeriodEvaluation.load(db, period: period, today: today)
                items.append(item(evaluation, id: id))
                month = month.next
            }
            return items
        }
        guard let items else { throw HTTPError.notFound() }
        return .json(.object(JSONObject([("institution_id", .number(JSONNumber(id))), ("items", .array(items))])))
    }

    private static func item(_ evaluation: PeriodEvaluation, id: Int64) -> JSONValue {
        let inputs = evaluation.inputs[id]
        let score = inputs.flatMap { ScoreCalculator.score($0, scheme: evaluation.scheme.scheme) }
        let rank = RankingBuilder.ranks(evaluation)[id]
        let grade = score.map { Grade(hundredths: $0.total, thresholds: evaluation.settings.gradeThresholds) }
        return .object(JSONObject([
            ("period", .string(evaluation.period.description)),
            ("as_of", .string(evaluation.asOf.description)),
            ("score", score.map { RankingBuilder.hundredths($0.total) } ?? .null),
            ("grade", grade.map { .string($0.rawValue) } ?? .null),
            ("rank", rank.map { .number(JSONNumber($0)) } ?? .null),
            ("ranked_count", .number(JSONNumber(evaluation.scores().count))),
            ("components", score.map(RankingBuilder.components) ?? .null),
            ("unranked_reason", score == nil ? .string("no finalized inspection in \(evaluation.period)") : .null),
            ("inputs", inputs.map { explain($0, scheme: evaluation.scheme) } ?? .null),
        ]))
    }

    private static func explain(_ inputs: ScoreInputs, scheme: ScoringSchemeStore.Stored) -> JSONValue {
        .object(JSONObject([
            ("scheme_version", .number(JSONNumber(scheme.version))),
            ("inspections", .array(inputs.inspections.map { inspection in
                .object(JSONObject([("id", .number(JSONNumber(inspection.id))),
                                    ("inspected_on", .string(inspection.inspectedOn.description)),
                                    ("kind", .string(inspection.kind.rawValue)),
                                    ("total", .number(JSONNumber(scaled: inspection.total.tenths, decimals: 1)))]))
            })),
            ("ledger_months", .array(inputs.ledgerMonths.map { month in
                .object(JSONObject([("month", .string(month.month.description)), ("due_on", .string(month.dueOn.description)),
                                    ("outcome", .string(month.outcome.rawValue))]))
            })),
            ("facility_score", inputs.facilityScoreTenths.map { .number(JSONNumber(scaled: Int64($0), decimals: 1)) } ?? .null),
            ("training_in_every_quarter", .bool(inputs.trainingInEveryQuarter)),
            ("pledge_in_period", .bool(inputs.pledgeInPeriod)),
        ]))
    }

    private static func month(_ query: QueryParameters, _ name: String) throws(HTTPError) -> YearMonth? {
        guard let text = query[name], !text.isEmpty else { return nil }
        guard let month = YearMonth(parsing: text) else { throw HTTPError.invalidQuery(name, "must be a month YYYY-MM") }
        return month
    }

    private static func monthsBack(_ count: Int, from month: YearMonth) -> YearMonth {
        (0..<count).reduce(month) { current, _ in current.previous }
    }

    private static func monthsBetween(_ from: YearMonth, _ to: YearMonth) -> Int {
        (to.year - from.year) * 12 + to.month - from.month + 1
    }
}
