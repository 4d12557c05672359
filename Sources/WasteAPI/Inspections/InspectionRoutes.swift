import HTTPCore
import JSON
import Routing
import Storage
import WasteDomain

/// `GET|POST /v1/inspections`, `GET|PATCH /v1/inspections/{id}` (docs/API.md); finalize and void
/// are in ``InspectionLifecycleRoutes``.
///
/// Inspectors and admins write. A clerk reads the finalized and voided inspections of its own
/// institution; drafts are the inspector's working copy and, like other institutions'
/// inspections, answer 404 to a clerk.
enum InspectionRoutes {
    static func register(in routes: inout APIRoutes) {
        routes.add(.GET, "/v1/inspections", access: .staff, summary: "Inspections, oldest first, with filters",
                   tag: "inspections", query: ["institution_id", "kind", "status", "from", "to", "limit", "cursor"],
                   response: "InspectionList") { context in
            try list(context)
        }
        routes.add(.POST, "/v1/inspections", access: .office,
                   summary: "Record an inspection as a draft, scored on the active rubric", tag: "inspections",
                   body: "InspectionInput", success: 201, response: "Inspection") { context in
            try create(context)
        }
        routes.add(.GET, "/v1/inspections/{id}", access: .staff, summary: "One inspection with scores, total, grade and findings",
                   tag: "inspections", response: "Inspection") { context in
            try show(context)
        }
        routes.add(.PATCH, "/v1/inspections/{id}", access: .office,
                   summary: "Change a draft inspection (finalized and voided ones are immutable: 409)", tag: "inspections",
                   body: "InspectionPatch", response: "Inspection") { context in
            try update(context)
        }
        InspectionLifecycleRoutes.register(in: &routes)
    }

    /// What a response needs besides the record: the grade thresholds and the district's date.
    struct View {
        let thresholds: GradeThresholds
        let today: CalendarDate

        init(_ db: Connection, now: Timestamp) throws {
            let settings = try SettingsStore.load(db).settings
            thresholds = settings.gradeThresholds
            today = now.date(utcOffsetMinutes: settings.utcOffsetMinutes)
        }

        func json(_ record: InspectionRecord) -> JSONValue { record.json(thresholds: thresholds, today: today) }

        func response(_ record: InspectionRecord, status: Int = 200) -> HTTPResponse {
            var headers: HTTPHeaders = ["etag": record.etag]
            if status == 201 { headers.set("location", "/v1/inspections/\(record.id)") }
            return .json(json(record), status: status, headers: headers)
        }
    }

    /// The inspection, or 404 when it does not exist or the caller may not see it.
    static func visible(_ db: Connection, id: Int64, to context: APIContext) throws -> InspectionRecord {
        guard let record = try InspectionRecord.find(db, id: id) else { throw HTTPError.notFound() }
        if context.clerkInstitutionID != nil {
            try context.requireInstitutionAccess(record.institutionID)
            guard record.status != .draft else { throw HTTPError.notFound() }
        }
        return record
    }

    private static func show(_ context: APIContext) throws -> HTTPResponse {
        let id = try context.parameters.id()
        return try context.services.database.read { db in
            let record = try visible(db, id: id, to: context)
            if Conditional.isNotModified(context.request.headers, etag: record.etag) { return Conditional.notModified(etag: record.etag) }
            return try View(db, now: context.now).response(record)
        }
    }

    private static func create(_ context: APIContext) throws -> HTTPResponse {
        let object = try context.jsonObject()
        let caller = try context.caller()
        return try context.services.database.write { db in
            try Idempotency.run(context, in: db) { db in
                guard let rubric = try RubricRecord.active(db) else {
                    throw HTTPError.conflict("there is no active rubric to score on; an admin must activate one")
                }
                let view = try View(db, now: context.now)
                let (institution, date, sample) = MeasuredItems.facts(object, over: nil)
                let measured = try MeasuredItems.measure(db, rubric: rubric.rubric, institutionID: institution, inspectedOn: date,
                                                         sample: sample)
                let prefilled = measured.prefill(object)
                var draft = try InspectionInput.read(prefilled, over: nil, inputContext(db, rubric: rubric.rubric, view: view))
                try measured.checkOverrides(draft, object: prefilled)
                draft.measured = measured.scores
                let id = try InspectionStore.insert(db, draft, rubricID: rubric.id, inspectorID: caller.userID, now: context.now)
                guard let record = try InspectionRecord.find(db, id: id) else { throw HTTPError.notFound() }
                try AuditTrail.record(db, context: context, entity: "inspection", id: id, action: "create", before: nil,
                                      after: view.json(record))
                return view.response(record, status: 201)
            }
        }
    }

    private static func update(_ context: APIContext) throws -> HTTPResponse {
        let id = try context.parameters.id()
        let object = try context.jsonObject()
        return try context.services.database.write { db in
            guard let current = try InspectionRecord.find(db, id: id) else { throw HTTPError.notFound() }
            try Conditional.requireMatch(context.request.headers, etag: current.etag)
            guard current.status.isEditable else {
                throw HTTPError.conflict("inspection \(id) is \(current.status.rawValue) and can no longer be changed", field: "status")
            }
            let view = try View(db, now: context.now)
            let (institution, date, sample) = MeasuredItems.facts(object, over: current.draft)
            let measured = try MeasuredItems.measure(db, rubric: current.rubric, institutionID: institution, inspectedOn: date,
                                                     sample: sample)
            let prefilled = measured.prefill(object, current: current.draft)
            var draft = try InspectionInput.read(prefilled, over: current.draft, inputContext(db, rubric: current.rubric, view: view))
            try measured.checkOverrides(draft, object: prefilled)
            draft.measured = measured.scores
            try InspectionStore.replace(db, id: id, draft, now: context.now)
            guard let updated = try InspectionRecord.find(db, id: id) else { throw HTTPError.notFound() }
            try AuditTrail.record(db, context: context, entity: "inspection", id: id, action: "update",
                                  before: view.json(current), after: view.json(updated))
            return view.response(updated)
        }
    }

    private static func inputContext(_ db: Connection, rubric: Rubric, view: View) -> InspectionInput.Context {
        InspectionInput.Context(rubric: rubric, today: view.today) { try InspectionStore.isActiveInstitution(db, id: $0) }
    }

    private static func list(_ context: APIContext) throws -> HTTPResponse {
        let query = try context.query()
        let page = try Page(query)
        var filter = try InspectionFilter(query)
        if let own = context.clerkInstitutionID {
            if let asked = filter.institutionID { try context.requireInstitutionAccess(asked) }
            filter.institutionID = own
            filter.hideDrafts = true
        }
        return try context.services.database.read { db in
            let (sql, arguments) = filter.sql(page: page)
            var rubrics = RubricCache()
            let records = try db.query(sql, arguments).map { try InspectionRecord.load(db, row: $0, rubrics: &rubrics) }
            let (items, next) = page.split(records, id: \.id)
            let view = try View(db, now: context.now)
            return .json(Page.body(items: items.map(view.json), next: next))
        }
    }
}

/// The filters of `GET /v1/inspections`.
struct InspectionFilter {
    var institutionID: Int64?
    var kind: InspectionKind?
    var status: InspectionStatus?
    var from: CalendarDate?
    var to: CalendarDate?
    /// Clerks never see drafts.
    var hideDrafts = false

    init(_ query: QueryParameters) throws(HTTPError) {
        if let text = query["institution_id"], !text.isEmpty {
            guard let id = Int64(text), id > 0 else { throw HTTPError.invalidQuery("institution_id", "must be a positive integer") }
            institutionID = id
        }
        kind = try query.oneOf("kind", InspectionKind.allCases.map(\.rawValue)).flatMap(InspectionKind.init)
        status = try query.oneOf("status", InspectionStatus.allCases.map(\.rawValue)).flatMap(InspectionStatus.init)
        from = try Self.date(query, "from")
        to = try Self.date(query, "to")
    }

    private static func date(_ query: QueryParameters, _ name: String) throws(HTTPError) -> CalendarDate? {
        guard let text = query[name], !text.isEmpty else { return nil }
        guard let date = CalendarDate(parsing: text) else { throw HTTPError.invalidQuery(name, "must be a date YYYY-MM-DD") }
        return date
    }

    func sql(page: Page) -> (String, [any SQLValueConvertible]) {
        var clauses = ["i.id > ?"]
        var arguments: [any SQLValueConvertible] = [page.afterID]
        if let institutionID { clauses.append("i.institution_id = ?"); arguments.append(institutionID) }
        if let kind { clauses.append("i.kind = ?"); arguments.append(kind.rawValue) }
        if let status { clauses.append("i.status = ?"); arguments.append(status.rawValue) }
        if let from { clauses.append("i.inspected_on >= ?"); arguments.append(from.description) }
        if let to { clauses.append("i.inspected_on <= ?"); arguments.append(to.description) }
        if hideDrafts { clauses.append("i.status <> 'draft'") }
        arguments.append(page.limit + 1)
        return ("\(InspectionRecord.select) WHERE \(clauses.joined(separator: " AND ")) ORDER BY i.id LIMIT ?", arguments)
    }
}
