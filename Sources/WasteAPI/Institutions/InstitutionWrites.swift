import HTTPCore
import JSON
import Routing
import Storage
import WasteDomain

/// Create, change, archive and import: every write validates first, checks `If-Match`
/// against the row it read inside the transaction, and records an audit entry there too.
enum InstitutionWrites {
    static func create(_ context: APIContext) throws -> HTTPResponse {
        let body = try validated(InstitutionFields.description.read(try context.jsonObject(), onto: nil))
        let fields = body.registering(today: try context.today())
        return try context.services.database.write { db in
            try Idempotency.run(context, in: db) { db in
                try InstitutionStore.requireUnique(db, fields, excluding: nil)
                let record = try InstitutionStore.mappingConflicts {
                    try InstitutionStore.insert(db, fields, now: context.now.description)
                }
                try AuditTrail.record(db, context: context, entity: "institution", id: record.id, action: "create",
                                      before: nil, after: record.json)
                return Reply.created(record.json, etag: record.etag, location: "/v1/institutions/\(record.id)")
                    .response(to: context.request)
            }
        }
    }

    static func patch(_ context: APIContext) throws -> Reply {
        let id = try context.parameters.id()
        try context.requireInstitutionAccess(id)
        let object = try context.jsonObject()
        if context.clerkInstitutionID != nil { try requireProfileFieldsOnly(object) }
        return try context.services.database.write { db in
            guard let record = try InstitutionRecord.find(db, id: id) else { throw HTTPError.notFound("no institution \(id)") }
            try Conditional.requireMatch(context.request.headers, etag: record.etag)
            let fields = try validated(InstitutionFields.description.read(object, onto: record.fields))
            guard fields != record.fields else { return .entity(record.json, etag: record.etag) }
            try InstitutionStore.requireUnique(db, fields, excluding: id)
            let updated = try InstitutionStore.mappingConflicts {
                try InstitutionStore.update(db, record, to: fields, now: context.now.description)
            }
            try AuditTrail.record(db, context: context, entity: "institution", id: id, action: "update",
                                  before: record.json, after: updated.json)
            return .entity(updated.json, etag: updated.etag)
        }
    }

    /// DELETE archives: the row, its ledger and its history stay. Archiving an archived
    /// institution changes nothing and answers 204 again, so retries are safe.
    static func archive(_ context: APIContext) throws -> Reply {
        let id = try context.parameters.id()
        return try context.services.database.write { db in
            guard let record = try InstitutionRecord.find(db, id: id) else { throw HTTPError.notFound("no institution \(id)") }
            try Conditional.requireMatch(context.request.headers, etag: record.etag)
            guard record.fields.status != .archived else { return .noContent(etag: record.etag) }
            var fields = record.fields
            fields.status = .archived
            let archived = try InstitutionStore.update(db, record, to: fields, now: context.now.description)
            try AuditTrail.record(db, context: context, entity: "institution", id: id, action: "archive",
                                  before: record.json, after: archived.json)
            return .noContent(etag: archived.etag)
        }
    }

    /// `POST /v1/institutions/import`: the body is the CSV file itself.
    static func importCSV(_ context: APIContext) throws -> HTTPResponse {
        let format = try ImportTable.format(context.request.headers)
        let principal = try context.caller()
        let actor = InstitutionImport.Actor(userID: principal.userID, username: principal.username)
        do {
            return try context.services.database.writeAlone { db in
                try Idempotency.run(context, in: db) { db in
                    let summary = try InstitutionImport.apply(db, file: context.request.body, format: format,
                                                              maxRows: context.services.options.importMaxRows, actor: actor, now: context.now)
                    return .json(summary.json)
                }
            }
        } catch let failure as InstitutionImport.Failure {
            guard !failure.isTooLarge else {
                var problem = HTTPError.payloadTooLarge(failure.errors.first?.message ?? failure.detail)
                problem.errors = failure.errors
                throw problem
            }
            throw HTTPError.validation(failure.errors, detail: failure.detail)
        }
    }

    // MARK: Rules

    /// A clerk may change only the profile of its own institution; naming any other field
    /// is a 403 that lists them (unknown fields are left to validation's 400).
    private static func requireProfileFieldsOnly(_ object: JSONObject) throws(HTTPError) {
        let forbidden = object.keys.filter { InstitutionFields.description.names.contains($0) && !InstitutionFields.description.clerkWritableNames.contains($0) }
        guard !forbidden.isEmpty else { return }
        var error = HTTPError.forbidden("a clerk may not change \(forbidden.joined(separator: ", ")); ask the office")
        error.errors = forbidden.map { FieldError(field: $0, code: "forbidden", message: "only the office may change this field") }
        throw error
    }

    private static func validated(_ result: Result<InstitutionFields, ResourceDescription<InstitutionFields>.ValidationFailure>) throws(HTTPError) -> InstitutionFields {
        switch result {
        case .success(let fields): return fields
        case .failure(let failure): throw HTTPError.validation(failure.errors)
        }
    }
}
