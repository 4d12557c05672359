import HTTPCore
import JSON
import Routing
import Storage
import WasteDomain

/// The five routes of an institution-scoped resource, written once for activities, surveys,
/// tasks and funding: `GET|POST /v1/institutions/{id}/<table>`, `GET|PATCH|DELETE /v1/<table>/{id}`.
///
/// Admins and the institution's clerks write; inspectors read every institution; viewers get
/// 403. A clerk reaching another institution's records gets 404, never 403 (SPEC §4).
enum ScopedResourceRoutes<R: ScopedResource> {
    static var readers: Access { .staff }
    static var writers: Access { .roles([.admin, .clerk]) }

    static func register(in routes: inout APIRoutes) {
        let kind = R.kind
        let collection = "/v1/institutions/{id}/\(kind.table)"
        let item = "/v1/\(kind.table)/{id}"
        let listQuery = ["limit", "cursor"] + (R.dateColumn == nil ? [] : ["from", "to"]) + R.listQuery
        routes.add(.GET, collection, access: readers, summary: "List an institution's \(kind.plural)", tag: kind.tag,
                   query: listQuery, response: "\(kind.schema)List") { try list($0) }
        routes.add(.POST, collection, access: writers, summary: "Record a \(kind.noun) (Idempotency-Key honoured)",
                   tag: kind.tag, body: "\(kind.schema)Input", success: 201, response: kind.schema) { try create($0) }
        routes.add(.GET, item, access: readers, summary: "One \(kind.noun)", tag: kind.tag,
                   response: kind.schema) { try get($0) }
        routes.add(.PATCH, item, access: writers, summary: "Change a \(kind.noun) (fields left out keep their value)",
                   tag: kind.tag, body: "\(kind.schema)Patch", response: kind.schema) { try patch($0) }
        routes.add(.DELETE, item, access: writers, summary: "Delete a \(kind.noun) (the audit log keeps it)",
                   tag: kind.tag, success: 204) { try delete($0) }
    }

    private typealias Store = ScopedStore<R>

    private static func list(_ context: APIContext) throws -> HTTPResponse {
        let institutionID = try context.parameters.id()
        try context.requireInstitutionAccess(institutionID)
        let query = try context.query()
        let page = try Page(query)
        let body = try context.services.database.read { db -> JSONValue in
            try Store.requireInstitution(db, institutionID, adding: false)
            let environment = try Self.environment(db, context)
            let condition = try listCondition(institutionID, query, environment)
            let (records, next) = page.split(try Store.list(db, where: condition, page: page), id: \.id)
            guard case .object(var object) = Page.body(items: records.map { $0.json(environment) }, next: next) else { return .null }
            for (key, value) in try R.summary(db, where: condition) { object.set(key, value) }
            return .object(object)
        }
        return .json(body)
    }

    private static func create(_ context: APIContext) throws -> HTTPResponse {
        let institutionID = try context.parameters.id()
        try context.requireInstitutionAccess(institutionID)
        let body = try context.jsonObject()
        return try context.services.database.write { db in
            try Idempotency.run(context, in: db) { db in
                try Store.requireInstitution(db, institutionID, adding: true)
                let fields = try read(body)
                let record = try Store.insert(db, institutionID: institutionID, fields: fields, now: context.now)
                let json = record.json(try environment(db, context))
                try AuditTrail.record(db, context: context, entity: R.kind.entity, id: record.id, action: "create",
                                      before: nil, after: json)
                return .json(json, status: 201, headers: ["location": record.location, "etag": record.etag])
            }
        }
    }

    private static func get(_ context: APIContext) throws -> HTTPResponse {
        let id = try context.parameters.id()
        let (record, json) = try context.services.database.read { db in
            let record = try visibleRecord(db, id, context)
            return (record, record.json(try environment(db, context)))
        }
        if Conditional.isNotModified(context.request.headers, etag: record.etag) {
            return Conditional.notModified(etag: record.etag)
        }
        return .json(json, headers: ["etag": record.etag])
    }

    /// Overlays the body on the current fields and validates the result as a whole, so rules
    /// spanning fields see the values they will be stored with. A PATCH that changes nothing
    /// writes nothing: same version, no audit event.
    private static func patch(_ context: APIContext) throws -> HTTPResponse {
        let id = try context.parameters.id()
        let body = try context.jsonObject()
        let (record, json) = try context.services.database.write { db in
            let current = try visibleRecord(db, id, context)
            try Conditional.requireMatch(context.request.headers, etag: current.etag)
            var merged = JSONObject(current.fields.input)
            for (key, value) in body { merged.set(key, value) }
            R.prepareMerge(&merged, body: body)
            let fields = try read(merged)
            let environment = try environment(db, context)
            guard fields != current.fields else { return (current, current.json(environment)) }
            let updated = try Store.update(db, current, to: fields, now: context.now)
            let json = updated.json(environment)
            try AuditTrail.record(db, context: context, entity: R.kind.entity, id: id, action: "update",
                                  before: current.json(environment), after: json)
            return (updated, json)
        }
        return .json(json, headers: ["etag": record.etag])
    }

    private static func delete(_ context: APIContext) throws -> HTTPResponse {
        let id = try context.parameters.id()
        try context.services.database.write { db in
            let current = try visibleRecord(db, id, context)
            try Conditional.requireMatch(context.request.headers, etag: current.etag)
            try Store.delete(db, id: id)
            try AuditTrail.record(db, context: context, entity: R.kind.entity, id: id, action: "delete",
                                  before: current.json(try environment(db, context)), after: nil)
        }
        return HTTPResponse(status: 204)
    }

    /// The record, or 404 when it does not exist or belongs to another institution than a clerk's.
    private static func visibleRecord(_ db: Connection, _ id: Int64, _ context: APIContext) throws -> Store.Record {
        guard let record = try Store.find(db, id: id) else { throw HTTPError.notFound() }
        try context.requireInstitutionAccess(record.institutionID)
        return record
    }

    private static func read(_ object: JSONObject) throws -> R {
        var reader = JSONFieldReader(object, allowedKeys: R.bodyKeys)
        guard let fields = R.read(&reader), reader.isValid else { throw HTTPError.validation(reader.errors) }
        return fields
    }

    private static func environment(_ db: Connection, _ context: APIContext) throws -> ScopedEnvironment {
        let offset = try SettingsStore.load(db).settings.utcOffsetMinutes
        return ScopedEnvironment(today: context.now.date(utcOffsetMinutes: offset))
    }

    /// The institution, the `from`/`to` date range when the resource has one, and its own filters.
    private static func listCondition(_ institutionID: Int64, _ query: QueryParameters,
                                      _ environment: ScopedEnvironment) throws -> ScopedCondition {
        var parts = [ScopedCondition(sql: "institution_id = ?", arguments: [institutionID])]
        if let column = R.dateColumn {
            let from = try dateParameter(query, "from")
            let to = try dateParameter(query, "to")
            if let from, let to, to < from { throw HTTPError.invalidQuery("to", "must not be before from") }
            if let from { parts.append(ScopedCondition(sql: "\(column) >= ?", arguments: [from.description])) }
            if let to { parts.append(ScopedCondition(sql: "\(column) <= ?", arguments: [to.description])) }
        }
        parts += try R.filters(query, environment)
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
