import HTTPCore
import JSON
import Routing
import Storage
import WasteDomain

/// `GET /v1/ledger-reports?month=&status=`: every active institution with its report status for
/// the month, `open` ones included, sorted by code: how the office sees who has not reported.
/// Institutions that do not owe the month (``ReportingObligation``) are not listed.
enum LedgerReportListRoute {
    static func register(in routes: inout APIRoutes) {
        routes.add(.GET, "/v1/ledger-reports", access: .office,
                   summary: "Report status of every active institution for a month (who has not reported)", tag: "ledger",
                   query: ["month", "status"] + ListFormat.queryParameters, response: "LedgerReportStatusList",
                   spreadsheets: true) { context in
            try ExportTables.ledgerReports.answer(context, list)
        }
    }

    private static func list(_ context: APIContext) throws -> HTTPResponse {
        let query = try context.query()
        guard let text = query["month"], !text.isEmpty else { throw HTTPError.invalidQuery("month", "is required (YYYY-MM)", code: "required") }
        guard let month = YearMonth(parsing: text) else { throw HTTPError.invalidQuery("month", "must be a month YYYY-MM") }
        let status = try query.oneOf("status", ReportStatus.allCases.map(\.rawValue)).flatMap(ReportStatus.init(rawValue:))
        let (rows, settings, obligations) = try context.services.database.read { db in
            let settings = try SettingsStore.load(db).settings
            return (try db.query("""
                SELECT i.id, i.code, i.name, r.status, r.submitted_at, r.accepted_at, r.returned_at,
                       (SELECT COUNT(*) FROM ledger_entries e WHERE e.institution_id = i.id AND e.month = ?) AS entry_count
                FROM institutions i LEFT JOIN ledger_reports r ON r.institution_id = i.id AND r.month = ?
                WHERE i.status = 'active' ORDER BY i.code
                """, [month.description, month.description]), settings,
                    try ObligationStore.all(db, utcOffsetMinutes: settings.utcOffsetMinutes))
        }
        let deadline = ReportDeadline(month: month, dueOn: settings.reportDueDate(for: month),
                                      utcOffsetMinutes: settings.utcOffsetMinutes)
        var items: [JSONValue] = []
        var counts: [ReportStatus: Int] = [:]
        var late = 0
        for row in rows where obligations[try row.int64("id")]?.owes(month) ?? true {
            let rowStatus = try row.optionalString("status").flatMap(ReportStatus.init(rawValue:)) ?? .open
            guard status == nil || status == rowStatus else { continue }
            let submittedAt = try row.optionalString("submitted_at").flatMap { Timestamp(parsing: $0) }
            let isLate = deadline.isLate(status: rowStatus, submittedAt: submittedAt, now: context.now)
            counts[rowStatus, default: 0] += 1
            if isLate { late += 1 }
            items.append(.object(JSONObject([
                ("institution", .object(JSONObject([
                    ("id", .number(JSONNumber(try row.int64("id")))),
                    ("code", .string(try row.string("code"))),
                    ("name", .string(try row.string("name"))),
                ]))),
                ("status", .string(rowStatus.rawValue)),
                ("entry_count", .number(JSONNumber(try row.int("entry_count")))),
                ("submitted_at", try row.optionalString("submitted_at").map(JSONValue.string) ?? .null),
                ("accepted_at", try row.optionalString("accepted_at").map(JSONValue.string) ?? .null),
                ("returned_at", try row.optionalString("returned_at").map(JSONValue.string) ?? .null),
                ("late", .bool(isLate)),
            ])))
        }
        return .json(.object(JSONObject([
            ("month", .string(month.description)),
            ("due_on", .string(deadline.dueOn.description)),
            ("items", .array(items)),
            ("count", .number(JSONNumber(items.count))),
            ("counts", .object(JSONObject(ReportStatus.allCases.map { ($0.rawValue, .number(JSONNumber(counts[$0] ?? 0))) }))),
            ("late_count", .number(JSONNumber(late))),
        ])))
    }
}
