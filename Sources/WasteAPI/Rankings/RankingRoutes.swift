import HTTPCore
import JSON
import Routing
import WasteDomain

/// `GET /v1/rankings` and the per-institution score history.
enum RankingRoutes {
    static func register(in routes: inout APIRoutes) {
        routes.add(.GET, "/v1/rankings", access: .aggregates,
                   summary: "Ranking of institutions for a period, with components, grades, previous rank and unranked institutions",
                   tag: "rankings", query: ["period", "kind", "limit"] + ListFormat.queryParameters, response: "Ranking",
                   spreadsheets: true,
                   fastPath: { context in
                       // dashboards poll this: answered on the I/O thread while nothing has changed
                       guard try ListFormat.negotiate(try context.query(), context.request.headers) == .json else { return nil }
                       let (period, kind, limit) = try parameters(context)
                       guard let settings = context.services.settings.remembered(),
                             let answer = context.services.rankings.remembered(
                                period: period, kind: kind, limit: limit,
                                today: context.now.date(utcOffsetMinutes: settings.utcOffsetMinutes)) else { return nil }
                       return response(answer, context)
                   }) { context in
            try ExportTables.rankings.answer(context) { context in
                let (period, kind, limit) = try parameters(context)
                let answer = try context.services.rankings.ranking(period: period, kind: kind, limit: limit,
                                                                   today: try context.today(), now: context.now)
                return response(answer, context)
            }
        }
        routes.add(.GET, "/v1/institutions/{id}/scores", access: .staff,
                   summary: "An institution's score per month, with the components and the inputs behind them",
                   tag: "rankings", query: ["from", "to"], response: "ScoreHistory") { context in
            try ScoreHistory.respond(context)
        }
    }

    private static func parameters(_ context: APIContext) throws -> (Period, InstitutionKind?, Int?) {
        let query = try context.query()
        let kind = try query.oneOf("kind", InstitutionKind.allCases.map(\.rawValue)).flatMap(InstitutionKind.init(rawValue:))
        return (try period(query), kind, try query.int("limit", range: 1...100_000))
    }

    private static func response(_ answer: RankingService.Answer, _ context: APIContext) -> HTTPResponse {
        if Conditional.isNotModified(context.request.headers, etag: answer.etag) { return Conditional.notModified(etag: answer.etag) }
        return HTTPResponse(status: 200, headers: ["content-type": "application/json; charset=utf-8", "etag": answer.etag,
                                                   "cache-control": "no-cache"], body: answer.body)
    }

    /// `period` is required and must be one of the four forms (docs/API.md, Conventions).
    static func period(_ query: QueryParameters) throws(HTTPError) -> Period {
        guard let text = query["period"], !text.isEmpty else {
            throw HTTPError.invalidQuery("period", "is required (2026, 2026-H1, 2026-Q2 or 2026-06)", code: "required")
        }
        guard let period = Period(parsing: text) else {
            throw HTTPError.invalidQuery("period", "must be YYYY, YYYY-H1/H2, YYYY-Q1…Q4 or YYYY-MM, not \(text)")
        }
        return period
    }
}
