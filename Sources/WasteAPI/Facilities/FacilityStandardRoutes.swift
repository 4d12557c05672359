import HTTPCore
import JSON
import Routing
import Storage
import WasteDomain

/// `GET|PUT /v1/facility-standard` and `GET /v1/facility-standard/versions/{version}` (docs/API.md).
/// A PUT never edits: it stores a new version, so results citing an older version stay explainable.
enum FacilityStandardRoutes {
    static func register(in routes: inout APIRoutes) {
        routes.add(.GET, "/v1/facility-standard", access: .authenticated,
                   summary: "The facility configuration standard in force (its latest version)", tag: "facilities",
                   response: "FacilityStandard") { context in
            let stored = try context.services.database.read { try FacilityStandardStore.latest($0) }
            if Conditional.isNotModified(context.request.headers, etag: stored.etag) { return Conditional.notModified(etag: stored.etag) }
            return .json(body(stored), headers: ["etag": stored.etag])
        }
        routes.add(.PUT, "/v1/facility-standard", access: .admin,
                   summary: "Store a new version of the facility standard (rules left out are switched off)",
                   tag: "facilities", body: "FacilityStandardInput", response: "FacilityStandard") { context in
            try replace(context)
        }
        routes.add(.GET, "/v1/facility-standard/versions/{version}", access: .authenticated,
                   summary: "One stored version of the facility standard", tag: "facilities",
                   response: "FacilityStandard") { context in
            let version = try context.parameters.id("version")
            guard let stored = try context.services.database.read({ try FacilityStandardStore.version($0, version) }) else {
                throw HTTPError.notFound("no facility standard version \(version)")
            }
            if Conditional.isNotModified(context.request.headers, etag: stored.etag) { return Conditional.notModified(etag: stored.etag) }
            return .json(body(stored), headers: ["etag": stored.etag])
        }
    }

    private static func replace(_ context: APIContext) throws -> HTTPResponse {
        let object = try context.jsonObject()
        let principal = try context.caller()
        let stored = try context.services.database.write { db -> FacilityStandardStore.Stored in
            let current = try FacilityStandardStore.latest(db)
            try Conditional.requireMatch(context.request.headers, etag: current.etag)
            var reader = JSONFieldReader(object, allowedKeys: ["rules"])
            guard let standard = FacilityStandard.read(&reader, version: current.standard.version + 1), reader.isValid else {
                throw HTTPError.validation(reader.errors)
            }
            let saved = try FacilityStandardStore.save(db, standard, now: context.now, userID: principal.userID)
            try AuditTrail.record(db, context: context, entity: "facility_standard", id: saved.standard.version, action: "create",
                                  before: body(current), after: body(saved))
            return saved
        }
        return .json(body(stored), headers: ["etag": stored.etag])
    }

    static func body(_ stored: FacilityStandardStore.Stored) -> JSONValue {
        .object(JSONObject([
            ("version", .number(JSONNumber(stored.standard.version))),
            ("rules", stored.standard.rulesJSON),
            ("created_at", .string(stored.createdAt)),
            ("created_by", stored.createdBy.map { .number(JSONNumber($0)) } ?? .null),
        ]))
    }
}
