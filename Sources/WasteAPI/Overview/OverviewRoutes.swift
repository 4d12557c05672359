import Hashing
import HTTPCore
import JSON
import Routing
import WasteDomain

/// `GET /v1/stats/overview?period=`: coverage, reporting, inspection, rectification and
/// publicity figures of the district for a period.
enum OverviewRoutes {
    static func register(in routes: inout APIRoutes) {
        routes.add(.GET, "/v1/stats/overview", access: .aggregates,
                   summary: "District figures for a period: coverage, reporting, inspections, rectification, publicity",
                   tag: "statistics", query: ["period"], response: "Overview") { context in
            let period = try RankingRoutes.period(try context.query())
            let today = try context.today()
            let overview = try context.services.database.read { db in try DistrictOverview.load(db, period: period, today: today) }
            let body = OverviewJSON.document(overview, settings: try context.services.settings.current())
            let etag = "\"" + String(SHA256Digest.hex(body.serialized()).prefix(32)) + "\""
            if Conditional.isNotModified(context.request.headers, etag: etag) { return Conditional.notModified(etag: etag) }
            return .json(body, headers: ["etag": etag, "cache-control": "no-cache"])
        }
    }
}
