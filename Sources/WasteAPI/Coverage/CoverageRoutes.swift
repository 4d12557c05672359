import HTTPCore
import JSON
import Routing
import WasteDomain

/// `GET /v1/coverage?period=`: 全覆盖 unit by unit, with what stands between each unit and it
/// (`unmet` codes with `message_zh`), and the totals `GET /v1/stats/overview` shows, from the same
/// ``DistrictOverview`` (docs/DECISIONS.md, "Coverage per institution"). A clerk sees its own unit.
enum CoverageRoutes {
    static func register(in routes: inout APIRoutes) {
        routes.add(.GET, "/v1/coverage", access: .staff,
                   summary: "全覆盖 per institution for a period: covered, and the unmet conditions with their reasons (JSON, or CSV or xlsx by Accept or ?format=; ?headers=zh)",
                   tag: "statistics", query: ["period"] + ListFormat.queryParameters, response: "Coverage",
                   spreadsheets: true) { context in
            try ExportTables.coverage.answer(context, respond)
        }
    }

    private static func respond(_ context: APIContext) throws -> HTTPResponse {
        let query = try context.query()
        let period = try RankingRoutes.period(query)
        let today = try context.today()
        let overview = try context.services.database.read { db in try DistrictOverview.load(db, period: period, today: today) }
        let report = CoverageReport(overview, onlyInstitution: context.clerkInstitutionID)
        return .json(report.json())
    }
}

/// The coverage of every obliged institution of a period, as JSON (its spreadsheet form is
/// ``ExportTables/coverage``).
struct CoverageReport {
    let overview: DistrictOverview
    let rows: [(unit: PeriodEvaluation.Unit, assessment: CoverageAssessment)]

    init(_ overview: DistrictOverview, onlyInstitution: Int64?) {
        self.overview = overview
        rows = overview.evaluation.units.filter { onlyInstitution == nil || $0.id == onlyInstitution }
            .sorted { $0.code < $1.code }
            .map { ($0, overview.coverage($0.id)) }
    }

    func json() -> JSONValue {
        let evaluation = overview.evaluation
        let covered = overview.coveredCount
        let obliged = evaluation.units.count
        return .object(JSONObject([
            ("period", .string(evaluation.period.description)),
            ("as_of", .string(evaluation.asOf.description)),
            ("totals", .object(JSONObject([
                ("active_institutions", .number(JSONNumber(evaluation.activeInstitutions))),
                ("institutions", .number(JSONNumber(obliged))),
                ("covered", .number(JSONNumber(covered))),
                ("rate", Ratio.scaled(Int64(covered), over: Int64(obliged), decimals: 4)
                    .map { .number(JSONNumber(scaled: $0, decimals: 4)) } ?? .null),
                ("unmet", .object(JSONObject(CoverageAssessment.Condition.allCases.map { condition in
                    (condition.rawValue, .number(JSONNumber(evaluation.units.filter { unit in
                        overview.coverage(unit.id).unmet.contains { $0.condition == condition }
                    }.count)))
                }))),
            ]))),
            ("items", .array(rows.map { row in
                .object(JSONObject([
                    ("institution", RankingBuilder.institution(row.unit)),
                    ("covered", .bool(row.assessment.covered)),
                    ("unmet", .array(row.assessment.unmet.map { unmet in
                        .object(JSONObject([("code", .string(unmet.condition.rawValue)), ("message_zh", .string(unmet.messageZh))]))
                    })),
                ]))
            })),
        ]))
    }
}
