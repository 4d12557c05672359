import HTTPCore
import JSON
import Routing
import Storage
import WasteDomain

/// The five routes of every institution-scoped resource, written once:
/// `GET|POST /v1/institutions/{id}/<segment>`, `GET|PATCH|DELETE /v1/<segment>/{id}`.
///
/// Handlers return a ``Reply``; this type applies, for all of them alike, the institution gate,
/// `If-Match` against the row read inside the write's transaction, the idempotency record of a
/// creating POST and the audit entry of every change. A clerk reaching another institution's
/// records gets 404, never 403 (docs/API.md, Roles).
struct ScopedRoutes<Model: Sendable & Equatable>: Sendable {
    let description: ScopedDescription<Model>
    private var store: ScopedStore<Model> { ScopedStore(description: description) }

    static func register(_ description: ScopedDescription<Model>, in routes: inout APIRoutes) {
        let resource = ScopedRoutes(description: description)
        let d = description
        let collection = "/v1/institutions/{id}/\(d.segment)"
        let item = "/v1/\(d.segment)/{id}"
        let listQuery = ["limit", "cursor"] + (d.dateColumn == nil ? [] : ["from", "to"]) + d.listQuery
        routes.add(.GET, collection, access: d.readers, summary: "List an institution's \(d.plural)", tag: d.tag,
                   query: listQuery, response: "\(d.schema)List") { context in try resource.list(context).response(to: context.request) }
        routes.add(.POST, collection, access: d.writers, summary: "Record a \(d.noun) (Idempotency-Key honoured)",
                   tag: d.tag, body: "\(d.schema)Input", success: 201, response: d.schema) { context in
            try resource.create(context)
        }
        routes.add(.GET, item, access: d.readers, summary: "One \(d.noun)", tag: d.tag,
                   response: d.schema) { context in try resource.show(context).response(to: context.request) }
        routes.add(.PATCH, item, access: d.writers, summary: "Change a \(d.noun) (fields left out keep their value)",
                   tag: d.tag, body: "\(d.schema)Patch", response: d.schema) { context in
            try resource.patch(context).response(to: context.request)
        }
        routes.add(.DELETE, item, access: d.writers, summary: deleteSummary(d), tag: d.tag, success: 204) { context in
            try resource.delete(context).response(to: context.request)
        }
    }

    private static func deleteSummary(_ d: ScopedDescription<Model>) -> String {
        switch d.deletion {
        case .removesRow: "Delete a \(d.noun) (the audit log keeps it)"
        case .keepsHistory: "Delete a \(d.noun) (kept for compliance on past days)"
        }
    }

    // MARK: Handlers

    private func list(_ context: APIContext) throws -> Reply {
        let institutionID = try context.parameters.id()
        let query = try context.query()
        let page = try Page(query)
        return try context.services.database.read { db in
            try InstitutionGate.require(context, db, id: institutionID)
            let environment = try self.environment(db, context)
            let condition = try listCondition(institutionID, query, environment)
            let (records, next) = page.split(try store.list(db, where: condition, page: page), id: \.id)
            guard case .object(var object) = Page.body(items: records.map { $0.json(description, environment) }, next: next) else {
                return .value(.null)
            }
            for (key, value) in try description.summary?.compute(db, condition) ?? [] { object.set(key, value) }
            return .value(.object(object))
        }
    }

    private func create(_ context: APIContext) throws -> HTTPResponse {
        let institutionID = try context.parameters.id()
        let body = try context.jsonObject()
        return try context.services.database.write { db in
            try Idempotency.run(context, in: db) { db in
                try InstitutionGate.require(context, db, id: institutionID, for: description.archivedRefusal(adding: true) ?? .reading)
                let environment = try self.environment(db, context)
                let fields = try read(body, onto: nil, environment)
                let record = try store.insert(db, institutionID: institutionID, fields: fields, now: context.now.description)
                let json = record.json(description, environment)
                try AuditTrail.record(db, context: context, entity: description.entity, id: record.id, action: "create",
                                      before: nil, after: json)
                return Reply.created(json, etag: record.etag, location: "/v1/\(description.segment)/\(record.id)")
                    .response(to: context.request)
            }
        }
    }

    private func show(_ context: APIContext) throws -> Reply {
        let id = try context.parameters.id()
        return try context.services.database.read { db in
            let record = try visible(db, id, context)
            return .entity(record.json(description, try environment(db, context)), etag: record.etag)
        }
    }

    /// Applies the body onto the current fields and validates the result as a whole, so rules
    /// spanning fields see the values they will be stored with. A PATCH that changes nothing
    /// writes nothing: same version, no audit event.
    private func patch(_ context: APIContext) throws -> Reply {
        let id = try context.parameters.id()
        var body = try context.jsonObject()
        return try context.services.database.write { db in
            let current = try visible(db, id, context)
            try Conditional.requireMatch(context.request.headers, etag: current.etag)
            if let refusal = description.archivedRefusal(adding: false) {
                try InstitutionGate.require(context, db, id: current.institutionID, for: refusal)
            }
            description.adjustPatch?(&body, current.fields)
            let environment = try self.environment(db, context)
            let fields = try read(body, onto: current.fields, environment)
            guard fields != current.fields else { return .entity(current.json(description, environment), etag: current.etag) }
            let updated = try store.update(db, current, to: fields, now: context.now.description)
            let json = updated.json(description, environment)
            try AuditTrail.record(db, context: context, entity: description.entity, id: id, action: "update",
                                  before: current.json(description, environment), after: json)
            return .entity(json, etag: updated.etag)
        }
    }

    private func delete(_ context: APIContext) throws -> Reply {
        let id = try context.parameters.id()
        return try context.services.database.write { db in
            let current = try visible(db, id, context)
            try Conditional.requireMatch(context.request.headers, etag: current.etag)
            if let refusal = description.archivedRefusal(adding: false) {
                try InstitutionGate.require(context, db, id: current.institutionID, for: refusal)
            }
            try store.delete(db, current, now: context.now.description)
            try AuditTrail.record(db, context: context, entity: description.entity, id: id, action: "delete",
                                  before: current.json(description, try environment(db, context)), after: nil)
            return .noContent()
        }
    }

    // MARK: Steps

    /// The live record, or 404 when it does not exist or belongs to another institution than a clerk's.
    private func visible(_ db: Connection, _ id: Int64, _ context: APIContext) throws -> ScopedRecord<Model> {
        guard let record = try store.find(db, id: id) else { throw HTTPError.notFound("no \(description.noun) \(id)") }
        try context.requireInstitutionAccess(record.institutionID)
        return record
    }

    private func read(_ body: JSONObject, onto base: Model?, _ environment: ScopedEnvironment) throws -> Model {
        switch description.fields.read(body, onto: base, context: FieldContext(settings: environment.settings)) {
        case .success(let fields): return fields
        case .failure(let failure): throw HTTPError.validation(failure.errors)
        }
    }

    private func environment(_ db: Connection, _ context: APIContext) throws -> ScopedEnvironment {
        let settings = try SettingsStore.load(db).settings
        return ScopedEnvironment(today: context.now.date(utcOffsetMinutes: settings.utcOffsetMinutes), settings: settings)
    }

    /// The institution, the `from`/`to` date range when the resource has one, and its own filters.
    private func listCondition(_ institutionID: Int64, _ query: QueryParameters,
                               _ environment: ScopedEnvironment) throws -> ScopedCondition {
        var parts = [ScopedCondition(sql: "institution_id = ?", arguments: [institutionID])]
        if let column = description.dateColumn {
            let from = try Self.dateParameter(query, "from")
            let to = try Self.dateParameter(query, "to")
            if let from, let to, to < from { throw HTTPError.invalidQuery("to", "must not be before from") }
            if let from { parts.append(ScopedCondition(sql: "\(column) >= ?", arguments: [from.description])) }
            if let to { parts.append(ScopedCondition(sql: "\(column) <= ?", arguments: [to.description])) }
        }
        parts += try description.filters?(query, environment) ?? []
        return ScopedCondition(sql: parts.map { "(\($0.sql))" }.joined(separator: " AND "),
                               arguments: parts.flatMap(\.arguments))
    }

    private static func dateParameter(_ query: QueryParameters, _ name: String) throws(HTTPError) -> CalendarDate? {
        guard let text = query[name], !text.isEmpty else { return nil }
        guard let date = CalendarDate(parsing: text) else {
            throw HTTPError.invalidQuery(name, "must be a date in the form YYYY-MM-DD")
        }
        return date
    }
}
