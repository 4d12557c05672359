import Foundation
import HTTPCore
import JSON
import Routing
import Storage
import WasteDomain

/// `POST /v1/institutions/{id}/ledger-entries/import`: a CSV or xlsx file of entries, all stored or
/// none, every bad row reported by its line number (`line 7.weight_kg`).
enum LedgerEntryImport {
    /// The default row limit (the server's `importMaxRows` option overrides it).
    static let maxRows = ImportTable.defaultMaxRows

    static func register(in routes: inout APIRoutes) {
        routes.add(.POST, "/v1/institutions/{id}/ledger-entries/import", access: LedgerEntryRoutes.writers,
                   summary: "Import ledger entries from CSV or xlsx (the export's columns; Chinese headers, labels and dates accepted), all or nothing",
                   tag: "ledger", body: "LedgerEntryCSV", bodyMediaType: "text/csv", success: 201,
                   response: "LedgerEntryBatch", spreadsheets: true) { context in
            try importCSV(context)
        }
    }

    private static func importCSV(_ context: APIContext) throws -> HTTPResponse {
        let institutionID = try context.parameters.id()
        try context.requireInstitutionAccess(institutionID)
        let format = try ImportTable.format(context.request.headers)
        let settings = try context.services.database.read { try SettingsStore.load($0) }.settings
        let entries = try read(context.request.body, format: format, maxRows: context.services.options.importMaxRows,
                               rules: LedgerEntryRules(settings: settings, now: context.now))
        return try context.services.database.writeAlone { db in
            try Idempotency.run(context, in: db) { db in
                let records = try LedgerEntryRoutes.store(db, entries, institutionID: institutionID, settings: settings,
                                                          context: context)
                return try LedgerEntryBatch.auditAndRespond(db, records, institutionID: institutionID, context: context,
                                                            action: "import")
            }
        }
    }

    /// Every row validated; all problems of all rows in one 400.
    static func read(_ bytes: [UInt8], format: ImportTable.Format = .csv, maxRows: Int = maxRows,
                     rules: LedgerEntryRules) throws -> [LedgerEntryFields] {
        let rows: [CSVReader.Row]
        do {
            rows = try ImportTable.rows(bytes, format: format, maxRows: maxRows)
        } catch {
            throw error.httpError
        }
        guard let header = rows.first else { throw HTTPError.badRequest("the file is empty; the first line must name the columns") }
        let columns = try LedgerEntryCSV.columns(header.fields)
        let data = rows.dropFirst()
        guard !data.isEmpty else { throw HTTPError.badRequest("the file has a header but no entries") }
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
