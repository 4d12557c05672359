import HTTPCore
import JSON
import Routing
import Storage
import WasteDomain

/// `GET /v1/stats/ledger?period=&group_by=category|institution|month&institution_id=`: weights,
/// the resource recovery rate (回收利用率), hazardous waste handled and kg per staff member per
/// working day. Every role may read it (and the public with `--public-read`); a clerk sees only
/// its own institution.
enum LedgerStatsRoutes {
    enum Grouping: String, CaseIterable {
        case category, institution, month
    }

    static func register(in routes: inout APIRoutes) {
        routes.add(.GET, "/v1/stats/ledger", access: .aggregates,
                   summary: "Ledger statistics for a period: totals, recovery rate, hazardous handled, kg per staff per working day",
                   tag: "statistics", query: ["period", "group_by", "institution_id"] + ListFormat.queryParameters,
                   response: "LedgerStats", spreadsheets: true) { context in
            try ExportTables.ledgerStats.answer(context, stats)
        }
    }

    private static func stats(_ context: APIContext) throws -> HTTPResponse {
        let query = try context.query()
        guard let text = query["period"], !text.isEmpty else {
            throw HTTPError.invalidQuery("period", "is required (2020, 2020-H1, 2020-Q2 or 2020-06)", code: "required")
        }
        guard let period = Period(parsing: text) else {
            throw HTTPError.invalidQuery("period", "must be a year (2020), half (2020-H1), quarter (2020-Q2) or month (2020-06)")
        }
        let grouping = try query.oneOf("group_by", Grouping.allCases.map(\.rawValue)).flatMap(Grouping.init(rawValue:)) ?? .category
        let institutionID = try scope(context, query)
        let (aggregates, institutions, settings) = try context.services.database.read { db in
            if let institutionID { try InstitutionGate.require(context, db, id: institutionID) }
            return (try LedgerStatsQuery.aggregates(db, from: period.start, to: period.end, institutionID: institutionID),
                    try institutionsInScope(db, institutionID),
                    try SettingsStore.load(db).settings)
        }
        let figures = LedgerStatsFigures(period: period, aggregates: StageRule.counted(aggregates), institutions: institutions,
                                         settings: settings, today: context.now.date(utcOffsetMinutes: settings.utcOffsetMinutes))
        return .json(figures.json(grouping: grouping, institutionID: institutionID))
    }

    /// The institution filter: a clerk's own institution always (another one is a 404).
    private static func scope(_ context: APIContext, _ query: QueryParameters) throws -> Int64? {
        var requested: Int64?
        if let text = query["institution_id"], !text.isEmpty {
            guard let id = Int64(text), id > 0 else { throw HTTPError.invalidQuery("institution_id", "must be a positive integer") }
            requested = id
        }
        guard let own = context.clerkInstitutionID else { return requested }
        if let requested, requested != own { throw HTTPError.notFound("no institution \(requested)") }
        return own
    }

    /// Every institution (for names and headcounts), or just the filtered one.
    private static func institutionsInScope(_ db: Connection, _ institutionID: Int64?) throws -> [InstitutionFacts] {
        try InstitutionGate.all(db, only: institutionID)
    }
}
