import Foundation
import HTTPCore
import JSON
import Routing
import Storage
import WasteDomain

/// `POST /v1/institutions/{id}/ledger-entries/import`: a CSV file of entries, all stored or
/// none, every bad row reported by its line number (`line 7.weight_kg`).
enum LedgerEntryImport {
    static let maxRows = 10_000

    static func register(in routes: inout APIRoutes) {
        routes.add(.POST, "/v1/institutions/{id}/ledger-entries/import", access: LedgerEntryRoutes.writers,
                   summary: "Import ledger entries from CSV (the export's columns; Chinese headers and category names accepted), all or nothing",
                   tag: "ledger", body: "LedgerEntryCSV", bodyMediaType: "text/csv", success: 201,
                   response: "LedgerEntryBatch") { context in
            try importCSV(context)
        }
    }

    private static func importCSV(_ context: APIContext) throws -> HTTPResponse {
        let institutionID = try context.parameters.id()
        try context.requireInstitutionAccess(institutionID)
        try requireCSV(context.request.headers)
        let settings = try context.services.database.read { try SettingsStore.load($0) }.settings
        let entries = try read(context.request.body, rules: LedgerEntryRules(settings: settings, now: context.now))
        return try context.services.database.writeAlone { db in
            try Idempotency.run(context, in: db) { db in
                let records = try LedgerEntryRoutes.store(db, entries, institutionID: institutionID, settings: settings,
                                                          context: context)
                return try LedgerEntryBatch.auditAndRespond(db, records, institutionID: institutionID, context: context,
                                                            action: "import")
            }
        }
    }

    private static func requireCSV(_ headers: HTTPHeaders) throws(HTTPError) {
        let mediaType = headers["content-type"]?.split(separator: ";").first?
            .trimmingCharacters(in: .whitespaces).lowercased()
        guard mediaType == "text/csv" else {
            throw HTTPError.unsupportedMediaType("send the file with Content-Type: text/csv")
        }
    }

    /// Every row validated; all problems of all rows in one 400.
    static func read(_ bytes: [UInt8], rules: LedgerEntryRules) throws -> [LedgerEntryFields] {
        let rows: [CSVReader.Row]
        do {
            rows = try CSVReader.parse(bytes)
        } catch {
            throw HTTPError.validation([FieldError(field: "line \(error.line)", code: "invalid_csv", message: error.message)])
        }
        guard let header = rows.first else { throw HTTPError.badRequest("the file is empty; the first line must name the columns") }
        let columns = try LedgerEntryCSV.columns(header.fields)
        let data = rows.dropFirst()
        guard !data.isEmpty else { throw HTTPError.badRequest("the file has a header but no entries") }
        guard data.count <= maxRows else {
            throw HTTPError.badRequest("the file has \(data.count) entries; import at most \(maxRows) at a time")
        }
        var entries: [LedgerEntryFields] = []
        var errors: [FieldError] = []
        for row in data {
            let path = "line \(row.line)"
            if row.fields.count > columns.count {
                errors.append(FieldError(field: path, code: "too_many_fields",
                                         message: "has \(row.fields.count) fields; the header has \(columns.count)"))
                continue
            }
            var reader = JSONFieldReader(LedgerEntryCSV.object(row.fields, columns: columns),
                                         allowedKeys: LedgerEntryFields.keys, path: path)
            if let entry = LedgerEntryInput.create(&reader, rules: rules), reader.isValid { entries.append(entry) }
            errors.append(contentsOf: reader.errors)
        }
        guard errors.isEmpty else { throw HTTPError.validation(errors) }
        return entries
    }
}
