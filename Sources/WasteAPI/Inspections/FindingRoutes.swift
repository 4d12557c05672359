import HTTPCore
import JSON
import Routing
import Storage
import WasteDomain

/// Rectification (整改, docs/API.md): `GET /v1/findings`, `GET /v1/findings/{id}`, and the
/// `rectify` (the institution's clerk or an admin), `verify` and `reopen` (inspector or admin)
/// transitions. Findings of a draft inspection do not exist here yet (404); a clerk sees only
/// its own institution's findings, any other is a 404.
enum FindingRoutes {
    static func register(in routes: inout APIRoutes) {
        routes.add(.GET, "/v1/findings", access: .staff,
                   summary: "Findings (withdrawn ones only with status=withdrawn); overdue=true for late rectifications",
                   tag: "inspections", query: FindingFilter.query + ListFormat.queryParameters, response: "FindingList",
                   spreadsheets: true) { context in
            try ExportTables.findings.answer(context, list)
        }
        routes.add(.GET, "/v1/findings/{id}", access: .staff, summary: "One finding with its rectification state",
                   tag: "inspections", response: "Finding") { context in
            let id = try context.parameters.id()
            return try context.services.database.read { db in
                let record = try visible(db, id: id, to: context)
                if Conditional.isNotModified(context.request.headers, etag: record.etag) { return Conditional.notModified(etag: record.etag) }
                return .json(record.json(today: try today(db, context)), headers: ["etag": record.etag])
            }
        }
        routes.add(.POST, "/v1/findings/{id}/rectify", access: .roles([.admin, .clerk]),
                   summary: "Report an open finding rectified, with a note", tag: "inspections",
                   body: "RectifyRequest", response: "Finding") { context in
            var reader = JSONFieldReader(try context.jsonObject(), allowedKeys: ["note"])
            let note = reader.string("note", required: true, minLength: 1, maxLength: 2000)
            guard reader.isValid, let note else { throw HTTPError.validation(reader.errors) }
            return try transition(context, .rectify, text: note)
        }
        routes.add(.POST, "/v1/findings/{id}/verify", access: .office,
                   summary: "Confirm a rectified finding", tag: "inspections", response: "Finding") { context in
            try transition(context, .verify, text: nil)
        }
        routes.add(.POST, "/v1/findings/{id}/reopen", access: .office,
                   summary: "Reject a rectification with a reason: the finding is open again, with a new deadline",
                   tag: "inspections", body: "ReopenRequest", response: "Finding") { context in
            let (reason, rectifyBy) = try reopenRequest(context)
            return try transition(context, .reopen, text: reason, rectifyBy: rectifyBy)
        }
    }

    /// The finding, or 404 when it is not published yet or the caller may not see it.
    private static func visible(_ db: Connection, id: Int64, to context: APIContext) throws -> FindingRecord {
        guard let record = try FindingRecord.find(db, id: id), record.status != .pending else { throw HTTPError.notFound() }
        try context.requireInstitutionAccess(record.institutionID)
        return record
    }

    private static func today(_ db: Connection, _ context: APIContext) throws -> CalendarDate {
        context.now.date(utcOffsetMinutes: try SettingsStore.load(db).settings.utcOffsetMinutes)
    }

    private static func list(_ context: APIContext) throws -> HTTPResponse {
        let query = try context.query()
        let page = try Page(query)
        var filter = try FindingFilter(query)
        if let own = context.clerkInstitutionID {
            if let asked = filter.institutionID { try context.requireInstitutionAccess(asked) }
            filter.institutionID = own
        }
        return try context.services.database.read { db in
            let today = try today(db, context)
            let (sql, arguments) = filter.sql(page: page, today: today)
            let records = try db.query(sql, arguments).map(FindingRecord.init)
            let (items, next) = page.split(records, id: \.id)
            return .json(Page.body(items: items.map { $0.json(today: today) }, next: next))
        }
    }

    /// `reopen` takes `{reason, rectify_by}`: a reopened finding needs a new deadline, or it would be
    /// overdue the moment it reopens (docs/DECISIONS.md, "Reopened findings"). The deadline may not
    /// lie before today in the district.
    private static func reopenRequest(_ context: APIContext) throws -> (String, CalendarDate) {
        var reader = JSONFieldReader(try context.jsonObject(), allowedKeys: ["reason", "rectify_by"])
        let reason = reader.string("reason", required: true, minLength: 1, maxLength: 2000)
        let rectifyBy = reader.date("rectify_by", required: true)
        let today = try context.today()
        if let rectifyBy, rectifyBy < today {
            reader.addError("rectify_by", code: FieldError.Code.invalidValue, message: "must not be before today (\(today))")
        }
        guard reader.isValid, let reason, let rectifyBy else { throw HTTPError.validation(reader.errors) }
        return (reason, rectifyBy)
    }

    private static func transition(_ context: APIContext, _ action: FindingStatus.Action, text: String?,
                                   rectifyBy: CalendarDate? = nil) throws -> HTTPResponse {
        let id = try context.parameters.id()
        let caller = try context.caller()
        return try context.services.database.write { db in
            let current = try visible(db, id: id, to: context)
            try Conditional.requireMatch(context.request.headers, etag: current.etag)
            guard let next = current.status.applying(action) else {
                let allowed = FindingStatus.sources(of: action).filter { $0 != .pending }.map(\.rawValue).joined(separator: " or ")
                throw HTTPError.conflict("finding \(id) is \(current.status.rawValue); only \(allowed) findings can be \(action.pastTense)",
                                         field: "status")
            }
            let now = context.now.description
            let today = try today(db, context)
            if action == .rectify { try RectificationEvidence.require(db, findingID: id) }
            switch action {
            case .rectify:
                try db.execute("""
                    UPDATE findings SET status = ?, rectified_at = ?, rectified_on = ?, rectified_by = ?, rectification_note = ?,
                        updated_at = ?, version = version + 1 WHERE id = ?
                    """, [next.rawValue, now, today.description, caller.userID, text, now, id])
            case .verify:
                try db.execute("""
                    UPDATE findings SET status = ?, verified_at = ?, verified_by = ?, updated_at = ?, version = version + 1 WHERE id = ?
                    """, [next.rawValue, now, caller.userID, now, id])
            case .reopen, .publish, .withdraw:
                try db.execute("""
                    UPDATE findings SET status = ?, rectified_at = NULL, rectified_on = NULL, rectified_by = NULL,
                        rectification_note = NULL, verified_at = NULL, verified_by = NULL, reopened_at = ?, reopen_reason = ?,
                        rectify_by = COALESCE(?, rectify_by), updated_at = ?, version = version + 1 WHERE id = ?
                    """, [next.rawValue, now, text, rectifyBy?.description, now, id])
            }
            guard let updated = try FindingRecord.find(db, id: id) else { throw HTTPError.notFound() }
            try AuditTrail.record(db, context: context, entity: "finding", id: id, action: action.rawValue,
                                  before: current.json(today: today), after: updated.json(today: today))
            if action == .rectify, let text {
                try ReminderHooks.rectificationSubmitted(db, findingID: id, institutionID: updated.institutionID,
                                                         description: updated.description, note: text, now: context.now)
            }
            return .json(updated.json(today: today), headers: ["etag": updated.etag])
        }
    }
}

private extension FindingStatus.Action {
    var pastTense: String {
        switch self {
        case .publish: "published"
        case .rectify: "rectified"
        case .verify: "verified"
        case .reopen: "reopened"
        case .withdraw: "withdrawn"
        }
    }
}
