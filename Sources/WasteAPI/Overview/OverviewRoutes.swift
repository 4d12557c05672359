import Hashing
import HTTPCore
import JSON
import Routing
import WasteDomain

/// `GET /v1/stats/overview?period=`: coverage, reporting, inspection, rectification and
/// publicity figures of the district for a period.
enum OverviewRoutes {
    struct Answer: Sendable {
        let etag: String
        let body: [UInt8]
    }

    /// Every table an overview reads: the ranking's inputs, ledger entries, findings, surveys.
    static let inputTables = RankingService.inputTables + ["ledger_entries", "findings", "surveys"]

    static func register(in routes: inout APIRoutes) {
        routes.add(.GET, "/v1/stats/overview", access: .aggregates,
                   summary: "District figures for a period: coverage, reporting, inspections, rectification, publicity",
                   tag: "statistics", query: ["period"] + ListFormat.queryParameters, response: "Overview",
                   spreadsheets: true) { context in
            try ExportTables.overview.answer(context) { context in
                let period = try RankingRoutes.period(try context.query())
                let answer = try overview(period, context)
                if Conditional.isNotModified(context.request.headers, etag: answer.etag) {
                    return Conditional.notModified(etag: answer.etag)
                }
                return HTTPResponse(status: 200, headers: ["content-type": "application/json; charset=utf-8", "etag": answer.etag,
                                                           "cache-control": "no-cache"], body: answer.body)
            }
        }
    }

    /// The remembered overview of `period` while none of its tables changed, else computed anew:
    /// for a district of thousands of institutions it costs about a second, and dashboards poll it.
    private static func overview(_ period: Period, _ context: APIContext) throws -> Answer {
        let today = try context.today()
        let remembered = context.services.overviews
        let key = period.description
        if let hit = remembered.answer(for: key, today: today) { return hit }
        let generation = remembered.generation
        let overview = try context.services.database.read { db in try DistrictOverview.load(db, period: period, today: today) }
        let body = OverviewJSON.document(overview, settings: try context.services.settings.current()).serialized()
        let answer = Answer(etag: "\"" + String(SHA256Digest.hex(body).prefix(32)) + "\"", body: body)
        remembered.remember(answer, for: key, today: today, generation: generation)
        return answer
    }
}
