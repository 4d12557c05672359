import HTTPCore
import JSON
import Routing
import Storage
import WasteDomain

/// The five routes of a facility resource: list and create under an institution, read, change
/// and delete by id. Admins and the institution's clerk write; inspectors only read (they judge
/// the inventory, they do not keep it); viewers get 403.
enum FacilityCRUDRoutes<R: FacilityResource> {
    static var writers: Access { .roles([.admin, .clerk]) }

    static func register(in routes: inout APIRoutes) {
        let collection = "/v1/institutions/{id}/\(R.segment)"
        let item = "/v1/\(R.segment)/{id}"
        routes.add(.GET, collection, access: .staff, summary: "List the institution's \(R.noun)s", tag: "facilities",
                   query: ["limit", "cursor"], response: "\(R.schema)List") { try list($0) }
        routes.add(.POST, collection, access: writers, summary: "Record a \(R.noun) of the institution", tag: "facilities",
                   body: "\(R.schema)Input", success: 201, response: R.schema) { try create($0) }
        routes.add(.GET, item, access: .staff, summary: "One \(R.noun)", tag: "facilities", response: R.schema) { try show($0) }
        routes.add(.PATCH, item, access: writers, summary: "Change a \(R.noun) (members left out keep their value)",
                   tag: "facilities", body: "\(R.schema)Patch", response: R.schema) { try update($0) }
        routes.add(.DELETE, item, access: writers, summary: "Delete a \(R.noun) (kept for compliance on past days)",
                   tag: "facilities", success: 204) { try delete($0) }
    }

    private static func list(_ context: APIContext) throws -> HTTPResponse {
        let institutionID = try context.parameters.id()
        let page = try Page(context.query())
        let rows = try context.services.database.read { db in
            try InstitutionGate.requireVisible(context, db, id: institutionID)
            return try FacilityStore<R>.list(db, institutionID: institutionID, page: page)
        }
        let (items, next) = page.split(rows, id: \.id)
        return .json(Page.body(items: items.map(\.json), next: next))
    }

    private static func create(_ context: APIContext) throws -> HTTPResponse {
        let institutionID = try context.parameters.id()
        let object = try context.jsonObject()
        return try context.services.database.write { db in
            try Idempotency.run(context, in: db) { db in
                try InstitutionGate.requireWritable(context, db, id: institutionID)
                let fields = try read(object, over: nil, db)
                let record = try FacilityStore<R>.insert(db, institutionID: institutionID, fields: fields, now: context.now)
                try AuditTrail.record(db, context: context, entity: R.entity, id: record.id, action: "create",
                                      before: nil, after: record.json)
                return .json(record.json, status: 201,
                             headers: ["location": "/v1/\(R.segment)/\(record.id)", "etag": record.etag])
            }
        }
    }

    private static func show(_ context: APIContext) throws -> HTTPResponse {
        let id = try context.parameters.id()
        let record = try context.services.database.read { db in try visible(context, db, id: id) }
        if Conditional.isNotModified(context.request.headers, etag: record.etag) {
            return Conditional.notModified(etag: record.etag)
        }
        return .json(record.json, headers: ["etag": record.etag])
    }

    private static func update(_ context: APIContext) throws -> HTTPResponse {
        let id = try context.parameters.id()
        let object = try context.jsonObject()
        let record = try context.services.database.write { db -> FacilityRecord<R> in
            let current = try visible(context, db, id: id)
            try Conditional.requireMatch(context.request.headers, etag: current.etag)
            try InstitutionGate.requireWritable(context, db, id: current.institutionID)
            let fields = try read(object, over: current.fields, db)
            let updated = try FacilityStore<R>.update(db, current, fields: fields, now: context.now)
            try AuditTrail.record(db, context: context, entity: R.entity, id: id, action: "update",
                                  before: current.json, after: updated.json)
            return updated
        }
        return .json(record.json, headers: ["etag": record.etag])
    }

    private static func delete(_ context: APIContext) throws -> HTTPResponse {
        let id = try context.parameters.id()
        try context.services.database.write { db in
            let current = try visible(context, db, id: id)
            try Conditional.requireMatch(context.request.headers, etag: current.etag)
            try InstitutionGate.requireWritable(context, db, id: current.institutionID)
            try FacilityStore<R>.softDelete(db, current, now: context.now)
            try AuditTrail.record(db, context: context, entity: R.entity, id: id, action: "delete",
                                  before: current.json, after: nil)
        }
        return HTTPResponse(status: 204)
    }

    /// The live record, or 404 — also when it belongs to another clerk's institution.
    private static func visible(_ context: APIContext, _ db: Connection, id: Int64) throws -> FacilityRecord<R> {
        guard let record = try FacilityStore<R>.find(db, id: id) else { throw HTTPError.notFound("no \(R.noun) \(id)") }
        try context.requireInstitutionAccess(record.institutionID)
        return record
    }

    private static func read(_ object: JSONObject, over base: R.Fields?, _ db: Connection) throws -> R.Fields {
        let settings = try SettingsStore.load(db).settings
        var reader = JSONFieldReader(object, allowedKeys: R.inputKeys)
        let fields = R.read(&reader, over: base, settings: settings)
        guard reader.isValid, let fields else { throw HTTPError.validation(reader.errors) }
        return fields
    }
}
