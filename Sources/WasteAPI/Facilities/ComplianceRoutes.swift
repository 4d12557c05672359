import HTTPCore
import JSON
import Routing
import Storage
import WasteDomain

/// Facility compliance (配置规范性): per institution, per page of the district, and a district
/// summary. `as_of` (default today, district time) means the end of that day: facilities that
/// existed then, contracts valid then, and the standard version in force then.
enum ComplianceRoutes {
    static func register(in routes: inout APIRoutes) {
        routes.add(.GET, "/v1/institutions/{id}/facility-compliance", access: .staff,
                   summary: "The institution's compliance with the facility standard, with every shortfall",
                   tag: "facilities", query: ["as_of"], response: "FacilityCompliance") { try one($0) }
        routes.add(.GET, "/v1/facility-compliance", access: .office,
                   summary: "Facility compliance of every active institution, by id", tag: "facilities",
                   query: ["as_of", "limit", "cursor"] + ListFormat.queryParameters, response: "FacilityComplianceList",
                   spreadsheets: true) { try ExportTables.facilityCompliance.answer($0, page) }
        routes.add(.GET, "/v1/facility-compliance/summary", access: .office,
                   summary: "District summary of facility compliance: institutions, compliant, mean score, failures by rule",
                   tag: "facilities", query: ["as_of"], response: "FacilityComplianceSummary") { try summary($0) }
    }

    private struct Basis {
        var settings: DistrictSettings
        var asOf: CalendarDate
        var standard: FacilityStandard
    }

    /// Settings, the day asked about and the standard in force on it.
    private static func loadBasis(_ context: APIContext, _ db: Connection) throws -> Basis {
        let settings = try SettingsStore.load(db).settings
        let asOf = try asOfDay(context) ?? DistrictDay.today(context, settings: settings)
        let standard = try FacilityStandardStore.inForce(db, on: asOf, utcOffsetMinutes: settings.utcOffsetMinutes).standard
        return Basis(settings: settings, asOf: asOf, standard: standard)
    }

    private static func asOfDay(_ context: APIContext) throws -> CalendarDate? {
        guard let text = try context.query()["as_of"], !text.isEmpty else { return nil }
        guard let date = CalendarDate(parsing: text) else {
            throw HTTPError.invalidQuery("as_of", "must be a real date in the form YYYY-MM-DD", code: "invalid_format")
        }
        return date
    }

    private typealias Evaluated = (FacilitySnapshot.Institution, ComplianceResult)

    private static func evaluate(_ db: Connection, _ basis: Basis, _ selection: FacilityLoader.Selection) throws -> [Evaluated] {
        try FacilityLoader.load(db, selection, asOf: basis.asOf, utcOffsetMinutes: basis.settings.utcOffsetMinutes)
            .evaluate(standard: basis.standard, categoriesInForce: basis.settings.categoriesInForce, asOf: basis.asOf)
    }

    private static func one(_ context: APIContext) throws -> HTTPResponse {
        let id = try context.parameters.id()
        let result = try context.services.database.read { db -> (FacilitySnapshot.Institution, ComplianceResult)? in
            try InstitutionGate.require(context, db, id: id)
            return try evaluate(db, try loadBasis(context, db), .one(id)).first
        }
        guard let (_, result) = result else { throw HTTPError.notFound("no institution \(id)") }
        return .json(ComplianceJSON.result(result))
    }

    private static func page(_ context: APIContext) throws -> HTTPResponse {
        let page = try Page(context.query())
        let (basis, rows) = try context.services.database.read { db -> (Basis, [Evaluated]) in
            let basis = try loadBasis(context, db)
            return (basis, try evaluate(db, basis, .active(afterID: page.afterID, limit: page.limit + 1)))
        }
        let (items, next) = page.split(rows, id: { (row: Evaluated) in row.0.profile.id })
        let json = items.map { (row: Evaluated) in ComplianceJSON.result(row.1, institution: row.0) }
        guard case .object(var body) = Page.body(items: json, next: next) else {
            return .json(.null)
        }
        body.set("as_of", .string(basis.asOf.description))
        body.set("standard_version", .number(JSONNumber(basis.standard.version)))
        return .json(.object(body))
    }

    private static func summary(_ context: APIContext) throws -> HTTPResponse {
        let (basis, rows) = try context.services.database.read { db -> (Basis, [Evaluated]) in
            let basis = try loadBasis(context, db)
            return (basis, try evaluate(db, basis, .active(afterID: 0, limit: nil)))
        }
        let results = rows.map { (row: Evaluated) in row.1 }
        let totalTenths = results.reduce(0) { $0 + $1.scoreTenths }
        let mean: JSONValue = results.isEmpty ? .null : ComplianceJSON.score((totalTenths + results.count / 2) / results.count)
        let failing = basis.standard.rules.map { rule in
            (rule.code, JSONValue.number(JSONNumber(results.filter { $0.fails(rule.code) }.count)))
        }
        return .json(.object(JSONObject([
            ("as_of", .string(basis.asOf.description)),
            ("standard_version", .number(JSONNumber(basis.standard.version))),
            ("institutions", .number(JSONNumber(results.count))),
            ("compliant", .number(JSONNumber(results.filter { $0.compliant }.count))),
            ("mean_score", mean),
            ("failing_by_rule", .object(JSONObject(failing))),
        ])))
    }
}
