import HTTPCore
import JSON
import Routing
import Storage
import WasteDomain

/// The institution registry (docs/API.md, Institutions): list (JSON or CSV), read, create,
/// change, archive, and import from CSV. Writes live in `InstitutionWrites.swift`.
enum InstitutionRoutes {
    static func register(in routes: inout APIRoutes) {
        routes.add(.GET, "/v1/institutions", access: .staff,
                   summary: "List institutions (JSON page, or every match as CSV or xlsx by Accept or ?format=; ?headers=zh for Chinese headers)",
                   tag: "institutions", query: ["q", "kind", "status", "limit", "cursor"] + ListFormat.queryParameters,
                   response: "InstitutionList", spreadsheets: true) { context in
            try list(context)
        }
        routes.add(.POST, "/v1/institutions", access: .admin, summary: "Register an institution", tag: "institutions",
                   body: "InstitutionCreate", success: 201, response: "Institution") { context in
            try InstitutionWrites.create(context)
        }
        routes.add(.POST, "/v1/institutions/import", access: .admin,
                   summary: "Create or update institutions from CSV or xlsx by code, all rows or none", tag: "institutions",
                   body: "InstitutionCSV", bodyMediaType: "text/csv", response: "InstitutionImportResult",
                   spreadsheets: true) { context in
            try InstitutionWrites.importCSV(context)
        }
        routes.add(.GET, "/v1/institutions/{id}", access: .staff, summary: "One institution (a clerk: its own only)",
                   tag: "institutions", response: "Institution") { context in
            try get(context).response(to: context.request)
        }
        routes.add(.PATCH, "/v1/institutions/{id}", access: .roles([.admin, .clerk]),
                   summary: "Change an institution (a clerk: only the profile fields of its own)", tag: "institutions",
                   body: "InstitutionPatch", response: "Institution") { context in
            try InstitutionWrites.patch(context).response(to: context.request)
        }
        routes.add(.DELETE, "/v1/institutions/{id}", access: .admin,
                   summary: "Archive an institution (its row and history stay; archiving again is a no-op 204)",
                   tag: "institutions", success: 204) { context in
            try InstitutionWrites.archive(context).response(to: context.request)
        }
    }

    // MARK: Reads

    private static func list(_ context: APIContext) throws -> HTTPResponse {
        let query = try context.query()
        let format = try ListFormat.negotiate(query, context.request.headers)
        var filter = try filter(query)
        filter.onlyID = context.clerkInstitutionID
        if format != .json {
            let language = try ListFormat.headerLanguage(query)
            let records = try context.services.database.read { db in try InstitutionStore.list(db, filter) }
            return try format.response(InstitutionColumns.sheet(records.map(\.fields), headers: language),
                                       headers: language, filename: "institutions")
        }
        let page = try Page(query)
        let rows = try context.services.database.read { db in
            try InstitutionStore.list(db, filter, afterID: page.afterID, limit: page.limit + 1)
        }
        let (items, next) = page.split(rows, id: \.id)
        return .json(Page.body(items: items.map(\.json), next: next))
    }

    /// `q`, `kind` (code or Chinese name) and `status` (`active` by default; `archived`, `all`).
    static func filter(_ query: QueryParameters) throws(HTTPError) -> InstitutionStore.Filter {
        var filter = InstitutionStore.Filter()
        if let text = query["q"], !text.isEmpty {
            guard text.count <= 100 else { throw HTTPError.invalidQuery("q", "must be at most 100 characters") }
            filter.text = asciiLowercased(text)
        }
        if let kind = query["kind"], !kind.isEmpty {
            guard let parsed = InstitutionKind(codeOrChineseName: kind) else {
                throw HTTPError.invalidQuery("kind", "must be one of \(InstitutionKind.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            filter.kind = parsed
        }
        let status = try query.oneOf("status", ["active", "archived", "all"]) ?? "active"
        filter.status = InstitutionStatus(rawValue: status)
        return filter
    }

    /// Lowercases A–Z only, matching SQLite's `lower()`.
    private static func asciiLowercased(_ text: String) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.map { scalar in
            ("A"..."Z").contains(scalar) ? Unicode.Scalar(scalar.value + 32) ?? scalar : scalar
        }))
    }

    private static func get(_ context: APIContext) throws -> Reply {
        let id = try context.parameters.id()
        try context.requireInstitutionAccess(id)
        guard let record = try context.services.database.read({ db in try InstitutionRecord.find(db, id: id) }) else {
            throw HTTPError.notFound("no institution \(id)")
        }
        return .entity(record.json, etag: record.etag)
    }
}
