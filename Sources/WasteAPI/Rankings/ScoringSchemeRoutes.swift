import HTTPCore
import JSON
import Routing
import WasteDomain

/// `GET|PUT /v1/scoring-scheme`: how period scores are weighted (versioned; PUT makes a new version).
enum ScoringSchemeRoutes {
    static func register(in routes: inout APIRoutes) {
        routes.add(.GET, "/v1/scoring-scheme", access: .aggregates, summary: "The scoring scheme in force", tag: "rankings",
                   response: "ScoringScheme") { context in
            let stored = try context.services.database.read { try ScoringSchemeStore.latest($0) }
            let etag = Conditional.etag(version: stored.version)
            if Conditional.isNotModified(context.request.headers, etag: etag) { return Conditional.notModified(etag: etag) }
            return .json(body(stored), headers: ["etag": etag])
        }
        routes.add(.PUT, "/v1/scoring-scheme", access: .admin,
                   summary: "Store a new version of the scoring scheme (fields left out keep their value)", tag: "rankings",
                   body: "ScoringSchemeInput", response: "ScoringScheme") { context in
            let object = try context.jsonObject()
            let stored = try context.services.database.write { db -> ScoringSchemeStore.Stored in
                let current = try ScoringSchemeStore.latest(db)
                try Conditional.requireMatch(context.request.headers, etag: Conditional.etag(version: current.version))
                var reader = JSONFieldReader(object, allowedKeys: ScoringSchemeJSON.keys)
                let scheme = ScoringSchemeJSON.read(&reader, over: current.scheme)
                guard reader.isValid else { throw HTTPError.validation(reader.errors) }
                let version = try ScoringSchemeStore.save(db, scheme, by: context.principal?.userID, now: context.now)
                try AuditTrail.record(db, context: context, entity: "scoring_scheme", id: version, action: "create",
                                      before: ScoringSchemeJSON.json(current.scheme), after: ScoringSchemeJSON.json(scheme))
                return ScoringSchemeStore.Stored(scheme: scheme, version: version, createdAt: context.now.description)
            }
            return .json(body(stored), headers: ["etag": Conditional.etag(version: stored.version)])
        }
    }

    private static func body(_ stored: ScoringSchemeStore.Stored) -> JSONValue {
        guard case .object(var object) = ScoringSchemeJSON.json(stored.scheme) else { return .null }
        object.set("version", .number(JSONNumber(stored.version)))
        object.set("created_at", stored.createdAt.map(JSONValue.string) ?? .null)
        return .object(object)
    }
}
