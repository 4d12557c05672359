import Hashing
import HTTPCore
import JSON
import Routing
import Storage
import WasteDomain

/// `GET /v1/ledger-reports?month=&status=&limit=&cursor=`: every active institution that owes the
/// month (``ReportingObligation``) with its report status, `open` ones included, sorted by code: how
/// the office sees who has not reported.
///
/// Paginated like every list (`{items, next_cursor}`, `limit` 1–500, default 50: a district of
/// 100,000 units made one 21 MB answer). The cursor is the last code of the page, since the order
/// is by code. `count`, `counts` and `late_count` summarise the whole month (every page).
enum LedgerReportListRoute {
    static func register(in routes: inout APIRoutes) {
        routes.add(.GET, "/v1/ledger-reports", access: .office,
                   summary: "Report status of every active institution for a month (who has not reported), by code, paginated",
                   tag: "ledger", query: ["month", "status", "limit", "cursor"] + ListFormat.queryParameters,
                   response: "LedgerReportStatusList", spreadsheets: true) { context in
            try ExportTables.ledgerReports.answer(context, list)  // a spreadsheet walks every page
        }
    }

    private static let statusSQL = "coalesce(r.status, 'open')"

    private static func list(_ context: APIContext) throws -> HTTPResponse {
        let query = try context.query()
        guard let text = query["month"], !text.isEmpty else { throw HTTPError.invalidQuery("month", "is required (YYYY-MM)", code: "required") }
        guard let month = YearMonth(parsing: text) else { throw HTTPError.invalidQuery("month", "must be a month YYYY-MM") }
        let status = try query.oneOf("status", ReportStatus.allCases.map(\.rawValue)).flatMap(ReportStatus.init(rawValue:))
        let limit = try query.int("limit", default: Page.defaultLimit, range: 1...Page.maxLimit) ?? Page.defaultLimit
        let afterCode = try cursorCode(query["cursor"])
        let filter = status.map { _ in " AND \(statusSQL) = ?" } ?? ""
        let statusArgument: [any SQLValueConvertible] = status.map { [$0.rawValue] } ?? []
        let (allRows, settings, obligations) = try context.services.database.read { db in
            let settings = try SettingsStore.load(db).settings
            return (try db.query("""
                SELECT i.id, i.code, i.name, \(statusSQL) AS status, r.submitted_at, r.accepted_at, r.returned_at
                FROM institutions i LEFT JOIN ledger_reports r ON r.institution_id = i.id AND r.month = ?
                WHERE i.status = 'active'\(filter) ORDER BY i.code
                """, [month.description] + statusArgument), settings,
                    try ObligationStore.all(db, utcOffsetMinutes: settings.utcOffsetMinutes))
        }
        let owed = try allRows.filter { obligations[try $0.int64("id")]?.owes(month) ?? true }
        var rows: [Row] = []
        for row in owed where rows.count <= limit {
            if try row.string("code") > afterCode { rows.append(row) }
        }
        let page = rows.prefix(limit)
        let entryCounts = try context.services.database.read { db in try Self.entryCounts(db, month, page) }
        let deadline = ReportDeadline(month: month, dueOn: settings.reportDueDate(for: month),
                                      utcOffsetMinutes: settings.utcOffsetMinutes)
        var counts: [ReportStatus: Int] = [:]
        var late = 0
        for row in owed {
            let rowStatus: ReportStatus = try StoredValues.enumeration(row, "status")
            counts[rowStatus, default: 0] += 1
            let submittedAt = try row.optionalString("submitted_at").flatMap { Timestamp(parsing: $0) }
            if deadline.isLate(status: rowStatus, submittedAt: submittedAt, now: context.now) { late += 1 }
        }
        var items: [JSONValue] = []
        for row in rows.prefix(limit) {
            let rowStatus: ReportStatus = try StoredValues.enumeration(row, "status")
            let submittedAt = try row.optionalString("submitted_at").flatMap { Timestamp(parsing: $0) }
            items.append(.object(JSONObject([
                ("institution", .object(JSONObject([
                    ("id", .number(JSONNumber(try row.int64("id")))),
                    ("code", .string(try row.string("code"))),
                    ("name", .string(try row.string("name"))),
                ]))),
                ("status", .string(rowStatus.rawValue)),
                ("entry_count", .number(JSONNumber(entryCounts[try row.int64("id")] ?? 0))),
                ("submitted_at", try row.optionalString("submitted_at").map(JSONValue.string) ?? .null),
                ("accepted_at", try row.optionalString("accepted_at").map(JSONValue.string) ?? .null),
                ("returned_at", try row.optionalString("returned_at").map(JSONValue.string) ?? .null),
                ("late", .bool(deadline.isLate(status: rowStatus, submittedAt: submittedAt, now: context.now))),
            ])))
        }
        let next: String? = try rows.count > limit ? rows[limit - 1].string("code") : nil
        return .json(.object(JSONObject([
            ("month", .string(month.description)),
            ("due_on", .string(deadline.dueOn.description)),
            ("items", .array(items)),
            ("next_cursor", next.map { .string(cursor(after: $0)) } ?? .null),
            ("count", .number(JSONNumber(owed.count))),
            ("counts", .object(JSONObject(ReportStatus.allCases.map { ($0.rawValue, .number(JSONNumber(counts[$0] ?? 0))) }))),
            ("late_count", .number(JSONNumber(late))),
        ])))
    }

    /// Entries per institution of the page for the month, in one grouped query.
    private static func entryCounts(_ db: Connection, _ month: YearMonth, _ rows: ArraySlice<Row>) throws -> [Int64: Int] {
        let ids = try rows.map { try $0.int64("id") }
        guard !ids.isEmpty else { return [:] }
        let marks = Array(repeating: "?", count: ids.count).joined(separator: ", ")
        var counts: [Int64: Int] = [:]
        for row in try db.query("""
            SELECT institution_id, COUNT(*) AS entries FROM ledger_entries WHERE month = ? AND institution_id IN (\(marks))
            GROUP BY institution_id
            """, [month.description] + ids) {
            counts[try row.int64("institution_id")] = try row.int("entries")
        }
        return counts
    }

    static func cursor(after code: String) -> String {
        Base64.encode(Array("code:\(code)".utf8), alphabet: .url)
    }

    /// The code after which the page starts; "" (before every code) without a cursor.
    private static func cursorCode(_ text: String?) throws(HTTPError) -> String {
        guard let text, !text.isEmpty else { return "" }
        guard let bytes = Base64.decode(text, alphabet: .url), let decoded = String(validating: bytes, as: UTF8.self),
              decoded.hasPrefix("code:") else {
            throw HTTPError.invalidQuery("cursor", "is not a cursor this server issued")
        }
        return String(decoded.dropFirst(5))
    }
}
