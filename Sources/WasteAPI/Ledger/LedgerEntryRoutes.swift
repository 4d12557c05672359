import HTTPCore
import JSON
import Routing
import Storage
import WasteDomain

/// Ledger entries (台帐, docs/API.md): list, create (one or a batch of up to 1000, all or nothing),
/// read, change and delete. Entries of a submitted or accepted month are frozen (409).
enum LedgerEntryRoutes {
    static let writers = Access.roles([.admin, .clerk])

    static func register(in routes: inout APIRoutes) {
        routes.add(.GET, "/v1/institutions/{id}/ledger-entries", access: .staff,
                   summary: "An institution's ledger entries (JSON pages, or every matching entry as CSV or xlsx by Accept or ?format=; ?headers=zh)",
                   tag: "ledger", query: LedgerEntryFilter.parameters + ["limit", "cursor"] + ListFormat.queryParameters,
                   response: "LedgerEntryList", spreadsheets: true) { context in
            try list(context)
        }
        routes.add(.POST, "/v1/institutions/{id}/ledger-entries", access: writers,
                   summary: "Record one entry, or {\"entries\": [...]} of up to 1000 in one transaction (all stored or none)",
                   tag: "ledger", body: "LedgerEntryCreate", success: 201, response: "LedgerEntryCreated") { context in
            try create(context)
        }
        LedgerEntryImport.register(in: &routes)
        routes.add(.GET, "/v1/ledger-entries/{id}", access: .staff, summary: "One ledger entry", tag: "ledger",
                   response: "LedgerEntry") { context in
            try show(context)
        }
        routes.add(.PATCH, "/v1/ledger-entries/{id}", access: writers,
                   summary: "Change a ledger entry (not in a frozen month); null clears an optional field", tag: "ledger",
                   body: "LedgerEntryPatch", response: "LedgerEntry") { context in
            try update(context)
        }
        routes.add(.DELETE, "/v1/ledger-entries/{id}", access: writers,
                   summary: "Delete a ledger entry (not in a frozen month)", tag: "ledger", success: 204) { context in
            try delete(context)
        }
    }

    // MARK: Collection

    private static func list(_ context: APIContext) throws -> HTTPResponse {
        let institutionID = try context.parameters.id()
        let query = try context.query()
        let filter = try LedgerEntryFilter(query)
        let format = try ListFormat.negotiate(query, context.request.headers)
        let page = try Page(query)
        let records = try context.services.database.read { db -> [LedgerEntryRecord] in
            try InstitutionGate.require(context, db, id: institutionID)
            return format != .json
                ? try filter.entries(db, institutionID: institutionID)
                : try filter.entries(db, institutionID: institutionID, afterID: page.afterID, limit: page.limit + 1)
        }
        if format != .json {
            let language = try ListFormat.headerLanguage(query)
            return try format.response(LedgerEntryColumns.sheet(records, headers: language), headers: language,
                                       filename: "ledger-entries-\(institutionID)")
        }
        let (items, next) = page.split(records, id: \.id)
        return Page.response(items: items, next: next, bytesPerItem: 420)
    }

    private static func create(_ context: APIContext) throws -> HTTPResponse {
        let institutionID = try context.parameters.id()
        try context.requireInstitutionAccess(institutionID)
        let body = try context.jsonValue()
        let settings = try context.services.database.read { try SettingsStore.load($0) }.settings
        let (entries, isBatch) = try read(body, rules: LedgerEntryRules(settings: settings, now: context.now))
        return try context.services.database.write { db in
            try Idempotency.run(context, in: db) { db in
                let records = try store(db, entries, institutionID: institutionID, settings: settings, context: context)
                guard !isBatch, let record = records.first else {
                    return try LedgerEntryBatch.auditAndRespond(db, records, institutionID: institutionID, context: context,
                                                                action: "create")
                }
                return try auditAndRespond(db, record, context: context)
            }
        }
    }

    /// One entry object, or `{"entries": [...]}`: every bad field of every entry reported at once.
    private static func read(_ body: JSONValue, rules: LedgerEntryRules) throws -> (entries: [LedgerEntryFields], isBatch: Bool) {
        guard case .object(let object) = body else {
            throw HTTPError.badRequest("send one entry object, or {\"entries\": [...]} with 1 to 1000 entries", kind: "invalid-json")
        }
        if object.contains("entries") {
            var reader = JSONFieldReader(object, allowedKeys: ["entries"])
            let entries = reader.array("entries", required: true, minCount: 1, maxCount: 1000) { element in
                element.object(allowedKeys: LedgerEntryFields.keys) { LedgerEntryInput.create(&$0, rules: rules) }
            }
            guard reader.isValid, let entries else { throw HTTPError.validation(reader.errors) }
            return (entries, true)
        }
        var reader = JSONFieldReader(object, allowedKeys: LedgerEntryFields.keys)
        guard let entry = LedgerEntryInput.create(&reader, rules: rules), reader.isValid else {
            throw HTTPError.validation(reader.errors)
        }
        return ([entry], false)
    }

    /// Stores validated entries in the caller's transaction, after checking the institution is
    /// writable and no month is frozen. The caller records the audit event(s) in the same
    /// transaction: one per entry for a single create, one per batch (``LedgerEntryBatch``).
    static func store(_ db: Connection, _ entries: [LedgerEntryFields], institutionID: Int64, settings: DistrictSettings,
                      context: APIContext) throws -> [LedgerEntryRecord] {
        try InstitutionGate.require(context, db, id: institutionID, for: LedgerFreeze.archivedRefusal)
        try LedgerFreeze.requireOpen(db, institutionID: institutionID, months: Set(entries.map(\.month)),
                                     utcOffsetMinutes: settings.utcOffsetMinutes)
        return try LedgerEntryStore.insert(db, institutionID: institutionID, entries, stamp: context.now.description)
    }

    /// A single create: its own audit event (`entity_id` = the entry) and the entry as the
    /// 201 body, serialised once for both.
    private static func auditAndRespond(_ db: Connection, _ record: LedgerEntryRecord, context: APIContext) throws -> HTTPResponse {
        let bytes = record.jsonBytes
        try AuditTrail.record(db, context: context, entity: "ledger_entry", id: record.id, action: "create",
                              beforeJSON: nil, afterJSON: String(decoding: bytes, as: UTF8.self))
        var headers: HTTPHeaders = ["location": "/v1/ledger-entries/\(record.id)", "etag": record.etag]
        headers.set("content-type", "application/json; charset=utf-8")
        return HTTPResponse(status: 201, headers: headers, body: bytes)
    }

    // MARK: One entry

    private static func show(_ context: APIContext) throws -> HTTPResponse {
        let id = try context.parameters.id()
        let record = try context.services.database.read { db in try LedgerEntryRecord.find(db, id: id) }
        guard let record else { throw HTTPError.notFound() }
        try context.requireInstitutionAccess(record.institutionID)
        if Conditional.isNotModified(context.request.headers, etag: record.etag) { return Conditional.notModified(etag: record.etag) }
        return .json(record.json, headers: ["etag": record.etag])
    }

    private static func update(_ context: APIContext) throws -> HTTPResponse {
        let id = try context.parameters.id()
        let object = try context.jsonObject()
        let settings = try context.services.database.read { try SettingsStore.load($0) }.settings
        let rules = LedgerEntryRules(settings: settings, now: context.now)
        let record = try context.services.database.write { db -> LedgerEntryRecord in
            let current = try requireEntry(db, id: id, context: context)
            var reader = JSONFieldReader(object, allowedKeys: LedgerEntryFields.keys)
            guard let fields = LedgerEntryInput.patch(&reader, over: current.fields, rules: rules) else {
                throw HTTPError.validation(reader.errors)
            }
            try LedgerFreeze.requireOpen(db, institutionID: current.institutionID, months: [current.fields.month, fields.month],
                                         utcOffsetMinutes: settings.utcOffsetMinutes)
            guard fields != current.fields else { return current }
            let updated = try LedgerEntryStore.update(db, current, to: fields, now: context.now)
            try AuditTrail.record(db, context: context, entity: "ledger_entry", id: id, action: "update",
                                  before: current.json, after: updated.json)
            return updated
        }
        return .json(record.json, headers: ["etag": record.etag])
    }

    private static func delete(_ context: APIContext) throws -> HTTPResponse {
        let id = try context.parameters.id()
        let settings = try context.services.database.read { try SettingsStore.load($0) }.settings
        try context.services.database.write { db in
            let current = try requireEntry(db, id: id, context: context)
            try LedgerFreeze.requireOpen(db, institutionID: current.institutionID, months: [current.fields.month],
                                         utcOffsetMinutes: settings.utcOffsetMinutes)
            try LedgerEntryStore.delete(db, id: id)
            try AuditTrail.record(db, context: context, entity: "ledger_entry", id: id, action: "delete",
                                  before: current.json, after: nil)
        }
        return HTTPResponse(status: 204)
    }

    /// The entry for a write: 404 when unknown or another institution's (clerks), 412 on a
    /// stale If-Match, 409 when its institution is archived.
    private static func requireEntry(_ db: Connection, id: Int64, context: APIContext) throws -> LedgerEntryRecord {
        guard let current = try LedgerEntryRecord.find(db, id: id) else { throw HTTPError.notFound() }
        try context.requireInstitutionAccess(current.institutionID)
        try Conditional.requireMatch(context.request.headers, etag: current.etag)
        try InstitutionGate.require(context, db, id: current.institutionID, for: LedgerFreeze.archivedRefusal)
        return current
    }
}
