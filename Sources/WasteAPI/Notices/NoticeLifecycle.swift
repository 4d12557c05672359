import HTTPCore
import JSON
import Routing
import Storage
import WasteDomain

/// The notice's life cycle (docs/DECISIONS.md, "The notice's life cycle"): a running period is
/// never published, one notice stands per (period, kind) unless a draft supersedes it, and a
/// published notice can be withdrawn — it stays readable, and its number is never reused.
enum NoticeLifecycle {
    static func register(in routes: inout APIRoutes) {
        routes.add(.POST, "/v1/notices/{id}/withdraw", access: .admin,
                   summary: "Withdraw a published notice with a reason: it stays readable, marked withdrawn; its number is not reused",
                   tag: "notices", body: "NoticeWithdraw", response: "Notice") { context in
            try withdraw(context)
        }
    }

    /// `supersedes` of a create body: a standing published notice of the same period and kind.
    static func checkSupersedes(_ db: Connection, _ id: Int64?, kind: NoticeContent.Kind, period: Period) throws {
        guard let id else { return }
        guard let target = try NoticeRecord.find(db, id: id), target.isStanding,
              target.kind == kind, target.period == period else {
            throw HTTPError.validation([FieldError(field: "supersedes", code: FieldError.Code.invalidValue,
                                                   message: "must name the published \(kind.rawValue) notice of \(period) that stands")])
        }
    }

    /// 409 naming `period` while the period runs; 409 naming `supersedes` when another notice
    /// stands for the period and kind and the draft does not supersede it. Returns the notice to
    /// mark superseded.
    static func checkPublishable(_ db: Connection, _ draft: NoticeRecord, today: CalendarDate) throws -> NoticeRecord? {
        guard today > draft.period.end else {
            throw HTTPError.conflict("\(draft.period) has not ended (it ends on \(draft.period.end) in the district): "
                                     + "its notice can be previewed and drafted but not published", field: "period")
        }
        guard let standing = try NoticeRecord.standing(db, kind: draft.kind, period: draft.period) else { return nil }
        guard draft.supersedes == standing.id else {
            throw HTTPError.conflict("the \(draft.kind.rawValue) notice of \(draft.period) is already published as "
                                     + "\(standing.number ?? "#\(standing.id)") (notice \(standing.id)); a draft that "
                                     + "replaces it names it in supersedes", field: "supersedes")
        }
        return standing
    }

    /// Marks `old` superseded by `id`, with its audit event (inside the publishing transaction).
    static func supersede(_ db: Connection, _ old: NoticeRecord, by id: Int64, context: APIContext) throws {
        try db.execute("UPDATE notices SET superseded_by = ?, updated_at = ?, version = version + 1 WHERE id = ?",
                       [id, context.now.description, old.id])
        try AuditTrail.record(db, context: context, entity: "notice", id: old.id, action: "supersede",
                              before: .object(JSONObject([("status", "published")])),
                              after: .object(JSONObject([("status", "superseded"), ("superseded_by", .number(JSONNumber(id)))])))
    }

    private static func withdraw(_ context: APIContext) throws -> HTTPResponse {
        let id = try context.parameters.id()
        var reader = JSONFieldReader(try context.jsonObject(), allowedKeys: ["reason"])
        let reason = reader.string("reason", required: true, minLength: 1, maxLength: 2000)
        guard reader.isValid, let reason else { throw HTTPError.validation(reader.errors) }
        let record = try context.services.database.write { db -> NoticeRecord in
            guard let notice = try NoticeRecord.find(db, id: id) else { throw HTTPError.notFound() }
            try Conditional.requireMatch(context.request.headers, etag: Conditional.etag(version: notice.version))
            guard notice.isPublished else {
                throw HTTPError.conflict("notice \(id) is a draft: only a published notice is withdrawn", field: "status")
            }
            guard !notice.isWithdrawn else {
                throw HTTPError.conflict("notice \(id) was already withdrawn on \(notice.withdrawnAt ?? "")", field: "status")
            }
            try db.execute("""
                UPDATE notices SET withdrawn_at = ?, withdrawn_by = ?, withdrawal_reason = ?, updated_at = ?, version = version + 1
                WHERE id = ?
                """, [context.now.description, context.principal?.userID, reason, context.now.description, id])
            try AuditTrail.record(db, context: context, entity: "notice", id: id, action: "withdraw",
                                  before: .object(JSONObject([("status", .string(notice.lifecycleStatus))])),
                                  after: .object(JSONObject([("status", "withdrawn"), ("reason", .string(reason))])))
            guard let withdrawn = try NoticeRecord.find(db, id: id) else { throw HTTPError.notFound() }
            return withdrawn
        }
        return .json(record.json, headers: ["etag": Conditional.etag(version: record.version)])
    }
}
