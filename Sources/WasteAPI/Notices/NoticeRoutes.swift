import HTTPCore
import JSON
import Routing
import Storage
import WasteDomain

/// Notices (通报): preview, draft, publish, list, read — in JSON, Markdown, HTML or plain text.
enum NoticeRoutes {
    static func register(in routes: inout APIRoutes) {
        routes.add(.GET, "/v1/notices/preview", access: .office,
                   summary: "Render a notice for a period without storing it (Accept or ?format=: json, markdown, html, text, docx)",
                   tag: "notices", query: ["period", "kind", "format"], response: "NoticeContent") { context in
            let query = try context.query()
            let (kind, period) = try kindAndPeriod(query)
            let format = try NoticeFormat.choose(query: query, accept: context.request.headers["accept"])
            let today = try context.today()
            let content = try context.services.database.read { db in
                try NoticeAssembler.content(db, kind: kind, period: period, today: today)
            }
            return try format.response(content, document: NoticeContentJSON.encode(content), headers: ["cache-control": "no-store"])
        }
        routes.add(.POST, "/v1/notices", access: .admin, summary: "Store a draft notice for a period", tag: "notices",
                   body: "NoticeCreate", success: 201, response: "Notice") { context in
            try create(context)
        }
        routes.add(.POST, "/v1/notices/{id}/publish", access: .admin,
                   summary: "Publish a draft: number it (sequential per year) and freeze its content", tag: "notices",
                   response: "Notice") { context in
            try publish(context)
        }
        routes.add(.GET, "/v1/notices", access: .aggregates,
                   summary: "Notices; drafts only for admins and inspectors", tag: "notices",
                   query: ["year", "kind", "status", "limit", "cursor"], response: "NoticeList") { context in
            try list(context)
        }
        routes.add(.GET, "/v1/notices/{id}", access: .aggregates,
                   summary: "One notice (Accept or ?format=: json, markdown, html, text, docx); drafts only for admins and inspectors",
                   tag: "notices", query: ["format"], response: "Notice") { context in
            try read(context)
        }
        NoticeLifecycle.register(in: &routes)
    }

    /// `kind` and `period` must agree: a monthly notice covers a month, and so on.
    static func kindAndPeriod(_ query: QueryParameters) throws(HTTPError) -> (NoticeContent.Kind, Period) {
        guard let kindText = try query.oneOf("kind", NoticeContent.Kind.allCases.map(\.rawValue)),
              let kind = NoticeContent.Kind(rawValue: kindText) else {
            throw HTTPError.invalidQuery("kind", "is required: monthly, quarterly or semiannual", code: "required")
        }
        let period = try RankingRoutes.period(query)
        try requireMatching(kind, period, field: "period")
        return (kind, period)
    }

    static func requireMatching(_ kind: NoticeContent.Kind, _ period: Period, field: String) throws(HTTPError) {
        guard period.kind == kind.periodKind else {
            throw HTTPError.invalidQuery(field, "a \(kind.rawValue) notice covers a \(kind.periodKind.rawValue), not \(period)")
        }
    }

    private static var seesDrafts: (APIContext) -> Bool {
        { context in context.principal?.role == .admin || context.principal?.role == .inspector }
    }

    private static func create(_ context: APIContext) throws -> HTTPResponse {
        var reader = JSONFieldReader(try context.jsonObject(), allowedKeys: ["period", "kind", "supersedes"])
        let kind = reader.enumValue("kind", as: NoticeContent.Kind.self, required: true)
        let periodText = reader.string("period", required: true, maxLength: 10)
        let period = periodText.flatMap(Period.init(parsing:))
        if periodText != nil, period == nil {
            reader.addError("period", code: FieldError.Code.invalidFormat, message: "must be YYYY, YYYY-H1/H2, YYYY-Q1…Q4 or YYYY-MM")
        }
        if let kind, let period, period.kind != kind.periodKind {
            reader.addError("period", code: FieldError.Code.invalidValue,
                            message: "a \(kind.rawValue) notice covers a \(kind.periodKind.rawValue), not \(period)")
        }
        let supersedes = reader.int("supersedes", min: 1).map(Int64.init)
        guard reader.isValid, let kind, let period else { throw HTTPError.validation(reader.errors) }
        let today = try context.today()
        // assembled from a read snapshot, so a large district does not hold the single writer
        let content = try context.services.database.read { db in
            try NoticeAssembler.content(db, kind: kind, period: period, today: today)
        }
        return try context.services.database.write { db in
            try Idempotency.run(context, in: db) { db in
                try NoticeLifecycle.checkSupersedes(db, supersedes, kind: kind, period: period)
                let now = context.now.description
                try db.execute("""
                    INSERT INTO notices (kind, period, status, content, created_at, created_by, updated_at, supersedes)
                    VALUES (?, ?, 'draft', ?, ?, ?, ?, ?)
                    """, [kind.rawValue, period.description, NoticeContentJSON.encode(content).serializedString(), now,
                          context.principal?.userID, now, supersedes])
                let id = db.lastInsertRowID
                guard let record = try NoticeRecord.find(db, id: id) else { throw HTTPError.notFound() }
                try AuditTrail.record(db, context: context, entity: "notice", id: id, action: "create", before: nil,
                                      after: .object(JSONObject([("kind", .string(kind.rawValue)), ("period", .string(period.description)),
                                                                 ("supersedes", supersedes.map { .number(JSONNumber($0)) } ?? .null)])))
                return .json(record.json, status: 201, headers: ["location": "/v1/notices/\(id)",
                                                                  "etag": Conditional.etag(version: record.version)])
            }
        }
    }

    private static func publish(_ context: APIContext) throws -> HTTPResponse {
        let id = try context.parameters.id()
        let today = try context.today()
        // the content is assembled from a read snapshot; only numbering and storing need the writer
        let assembled = try context.services.database.read { db -> NoticeContent? in
            guard let draft = try NoticeRecord.find(db, id: id) else { return nil }
            return try NoticeAssembler.content(db, kind: draft.kind, period: draft.period, today: today)
        }
        guard var content = assembled else { throw HTTPError.notFound() }
        let record = try context.services.database.write { db -> NoticeRecord in
            guard let draft = try NoticeRecord.find(db, id: id) else { throw HTTPError.notFound() }
            try Conditional.requireMatch(context.request.headers, etag: Conditional.etag(version: draft.version))
            guard !draft.isPublished else {
                throw HTTPError.conflict("notice \(id) is already published as \(draft.number ?? "")")
            }
            let replaced = try NoticeLifecycle.checkPublishable(db, draft, today: today)
            let settings = try SettingsStore.load(db).settings
            let year = today.year
            // withdrawn and superseded notices keep their numbers: MAX counts them, so none is reused
            let sequence = (try db.scalar("SELECT COALESCE(MAX(sequence), 0) FROM notices WHERE year = ?", [year], as: Int.self) ?? 0) + 1
            let number = "\(settings.noticePrefix)〔\(year)〕\(sequence)号"
            content.number = number
            try db.execute("""
                UPDATE notices SET status = 'published', year = ?, sequence = ?, number = ?, content = ?, published_at = ?,
                       published_by = ?, updated_at = ?, version = version + 1 WHERE id = ?
                """, [year, sequence, number, NoticeContentJSON.encode(content).serializedString(), context.now.description,
                      context.principal?.userID, context.now.description, id])
            try AuditTrail.record(db, context: context, entity: "notice", id: id, action: "publish",
                                  before: .object(JSONObject([("status", "draft")])),
                                  after: .object(JSONObject([("status", "published"), ("number", .string(number))])))
            if let replaced { try NoticeLifecycle.supersede(db, replaced, by: id, context: context) }
            try ReminderHooks.noticePublished(db, noticeID: id, number: number, title: content.title, now: context.now)
            guard let published = try NoticeRecord.find(db, id: id) else { throw HTTPError.notFound() }
            return published
        }
        return .json(record.json, headers: ["etag": Conditional.etag(version: record.version)])
    }

    private static func list(_ context: APIContext) throws -> HTTPResponse {
        let query = try context.query()
        let page = try Page(query)
        let year = try query.int("year", range: 1970...9999)
        let kind = try query.oneOf("kind", NoticeContent.Kind.allCases.map(\.rawValue))
        // published: standing ones; superseded and withdrawn ones by name; anonymous readers never see withdrawn ones
        let status = try query.oneOf("status", ["draft", "published", "superseded", "withdrawn"])
        if !seesDrafts(context) {
            if status == "draft" || (status == "withdrawn" && context.principal == nil) { return .json(Page.body(items: [], next: nil)) }
        }
        let hideWithdrawn = context.principal == nil
        let onlyPublished = !seesDrafts(context)
        let rows = try context.services.database.read { db in
            try db.query("""
                SELECT \(NoticeRecord.columns) FROM notices
                WHERE id > ? AND (? IS NULL OR year = ? OR (year IS NULL AND substr(period, 1, 4) = CAST(? AS TEXT)))
                  AND (? IS NULL OR kind = ?)
                  AND (? IS NULL OR (? = 'draft' AND status = 'draft')
                       OR (? = 'published' AND status = 'published' AND withdrawn_at IS NULL AND superseded_by IS NULL)
                       OR (? = 'superseded' AND superseded_by IS NOT NULL AND withdrawn_at IS NULL)
                       OR (? = 'withdrawn' AND withdrawn_at IS NOT NULL))
                  AND (? = 0 OR status = 'published') AND (? = 0 OR withdrawn_at IS NULL)
                ORDER BY id LIMIT ?
                """, [page.afterID, year, year, year, kind, kind, status, status, status, status, status,
                      onlyPublished, hideWithdrawn, page.limit + 1]).map(NoticeRecord.init)
        }
        let (items, next) = page.split(rows, id: \.id)
        return .json(Page.body(items: items.map(\.json), next: next))
    }

    private static func read(_ context: APIContext) throws -> HTTPResponse {
        let id = try context.parameters.id()
        let format = try NoticeFormat.choose(query: try context.query(), accept: context.request.headers["accept"])
        guard let record = try context.services.database.read({ db in try NoticeRecord.find(db, id: id) }),
              record.isPublished || seesDrafts(context),
              !(record.isWithdrawn && context.principal == nil) else { throw HTTPError.notFound() }
        let etag = "\"v\(record.version)-\(format.rawValue)\""
        if Conditional.isNotModified(context.request.headers, etag: etag) { return Conditional.notModified(etag: etag) }
        return try format.response(record.content, document: record.json, headers: ["etag": etag])
    }
}
