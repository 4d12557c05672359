import HTTPCore
import JSON
import Routing
import Storage
import WasteDomain

/// Monthly ledger reports (月度台帐报送, docs/API.md): read, submit (clerk or admin), accept and
/// return (inspector or admin). Every illegal transition is a 409 naming the current status.
enum LedgerReportRoutes {
    static let path = "/v1/institutions/{id}/ledger-reports/{month}"

    static func register(in routes: inout APIRoutes) {
        routes.add(.GET, path, access: .staff, summary: "An institution's ledger report for a month (open when never submitted)",
                   tag: "ledger", response: "LedgerReport") { context in
            try show(context)
        }
        routes.add(.POST, path + "/submit", access: .roles([.admin, .clerk]),
                   summary: "Submit a month's ledger once the month is over; freezes its entries (a month without entries needs no_waste and a reason)",
                   tag: "ledger", body: "LedgerReportSubmit", response: "LedgerReport") { context in
            try transition(.submit, context)
        }
        routes.add(.POST, path + "/accept", access: .office, summary: "Accept a submitted ledger report", tag: "ledger",
                   response: "LedgerReport") { context in
            try transition(.accept, context)
        }
        routes.add(.POST, path + "/return", access: .office,
                   summary: "Return a submitted ledger report with a reason; reopens the month for corrections", tag: "ledger",
                   body: "LedgerReportReturn", response: "LedgerReport") { context in
            try transition(.return, context)
        }
        LedgerReportListRoute.register(in: &routes)
    }

    /// `{month}` as `YYYY-MM`; anything else names no report (404, like a malformed id).
    private static func month(_ context: APIContext) throws -> YearMonth {
        let text = try context.parameters.require("month")
        guard let month = YearMonth(parsing: text) else {
            throw HTTPError.notFound("no ledger report month \(text); months are written YYYY-MM")
        }
        return month
    }

    private static func show(_ context: APIContext) throws -> HTTPResponse {
        let institutionID = try context.parameters.id()
        let month = try month(context)
        let report = try context.services.database.read { db -> LedgerReport in
            try InstitutionGate.require(context, db, id: institutionID)
            return try LedgerReport.load(db, institutionID: institutionID, month: month, settings: SettingsStore.load(db).settings)
        }
        let body = report.json(now: context.now).serialized()
        let etag = LedgerReport.etag(version: report.version, body: body)
        if Conditional.isNotModified(context.request.headers, etag: etag) { return Conditional.notModified(etag: etag) }
        return HTTPResponse(status: 200, headers: ["content-type": "application/json; charset=utf-8", "etag": etag], body: body)
    }

    private static func transition(_ action: ReportAction, _ context: APIContext) throws -> HTTPResponse {
        let institutionID = try context.parameters.id()
        let month = try month(context)
        let reason = try returnReason(action, context)
        let declaration = try NoWasteDeclaration.read(action, context)
        let report = try context.services.database.write { db -> LedgerReport in
            try InstitutionGate.require(context, db, id: institutionID)
            let settings = try SettingsStore.load(db).settings
            let current = try LedgerReport.load(db, institutionID: institutionID, month: month, settings: settings)
            try Conditional.requireMatch(context.request.headers,
                                         etag: LedgerReport.etag(version: current.version, body: current.json(now: context.now).serialized()))
            try check(action, current, now: context.now)
            if action == .submit { try declaration.check(entryCount: current.entryCount, month: month) }
            try LedgerReportStore.apply(action, to: current, reason: reason, context: context, db: db)
            if action == .submit { try declaration.store(db, institutionID: institutionID, month: month) }
            let updated = try LedgerReport.load(db, institutionID: institutionID, month: month, settings: settings)
            try AuditTrail.record(db, context: context, entity: "ledger_report", id: updated.rowID, action: action.rawValue,
                                  before: current.json(now: context.now), after: updated.json(now: context.now))
            if action == .return, let reason {
                try ReminderHooks.ledgerReportReturned(db, institutionID: institutionID, month: month, reason: reason, now: context.now)
            }
            return updated
        }
        let body = report.json(now: context.now).serialized()
        return HTTPResponse(status: 200, headers: ["content-type": "application/json; charset=utf-8",
                                                   "etag": LedgerReport.etag(version: report.version, body: body)], body: body)
    }

    /// 409 for a transition the status does not allow, or a submission before the month is over.
    private static func check(_ action: ReportAction, _ report: LedgerReport, now: Timestamp) throws {
        if case .failure(let illegal) = ReportTransition.apply(action, to: report.status) {
            throw HTTPError.conflict("the \(report.month) ledger report is \(report.status.rawValue): \(illegal.message)")
        }
        if action == .submit, !report.deadline.canSubmit(at: now) {
            throw HTTPError.conflict("the \(report.month) ledger cannot be submitted before the month is over "
                                     + "(from \(report.month.next.firstDay) in the district)")
        }
    }

    /// `{"reason": …}` for a return (required); submit and accept take no body, or `{}`.
    private static func returnReason(_ action: ReportAction, _ context: APIContext) throws -> String? {
        if action != .return { return nil }  // a submission's body is read by NoWasteDeclaration
        var reader = JSONFieldReader(try context.jsonObject(), allowedKeys: action == .return ? ["reason"] : [])
        let reason = reader.string("reason", required: action == .return, minLength: 1, maxLength: 1000)
        guard reader.isValid else { throw HTTPError.validation(reader.errors) }
        return reason
    }
}
