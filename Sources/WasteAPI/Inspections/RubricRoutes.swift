import HTTPCore
import JSON
import Routing
import Storage
import WasteDomain

/// `GET|POST /v1/rubrics`, `GET /v1/rubrics/{id}`, `POST /v1/rubrics/{id}/activate` (docs/API.md).
///
/// Rubrics are immutable: a change is a new version. Exactly one is active; a new rubric
/// becomes active unless posted with `"activate": false`, and any stored rubric can be made
/// active again later. Inspections keep the rubric they were created on.
enum RubricRoutes {
    static func register(in routes: inout APIRoutes) {
        routes.add(.GET, "/v1/rubrics", access: .staff, summary: "Scoring rubrics, oldest version first", tag: "inspections",
                   query: ["active", "limit", "cursor"], response: "RubricList") { context in
            try list(context)
        }
        routes.add(.POST, "/v1/rubrics", access: .admin,
                   summary: "Store a new rubric version (active at once unless activate is false)", tag: "inspections",
                   body: "RubricInput", success: 201, response: "Rubric") { context in
            try create(context)
        }
        routes.add(.GET, "/v1/rubrics/{id}", access: .staff, summary: "One rubric with its sections and items",
                   tag: "inspections", response: "Rubric") { context in
            let id = try context.parameters.id()
            guard let record = try context.services.database.read({ try RubricRecord.find($0, id: id) }) else {
                throw HTTPError.notFound()
            }
            if Conditional.isNotModified(context.request.headers, etag: record.etag) { return Conditional.notModified(etag: record.etag) }
            return .json(record.json, headers: ["etag": record.etag])
        }
        routes.add(.POST, "/v1/rubrics/{id}/activate", access: .admin,
                   summary: "Make this rubric the one new inspections are scored on", tag: "inspections",
                   response: "Rubric") { context in
            try activate(context)
        }
    }

    private static func list(_ context: APIContext) throws -> HTTPResponse {
        let query = try context.query()
        let page = try Page(query)
        let active = try query.oneOf("active", ["true", "false"]).map { $0 == "true" }
        let records = try context.services.database.read { try RubricRecord.list($0, page: page, active: active) }
        let (items, next) = page.split(records, id: \.id)
        return .json(Page.body(items: items.map(\.json), next: next))
    }

    private static func create(_ context: APIContext) throws -> HTTPResponse {
        let input = try RubricInput.read(try context.jsonObject())
        return try context.services.database.write { db in
            try Idempotency.run(context, in: db) { db in
                let version = (try db.scalar("SELECT MAX(version) FROM rubrics", as: Int64.self) ?? 0) + 1
                let now = context.now.description
                if input.activate { try deactivateCurrent(db, context: context) }
                try db.execute("""
                    INSERT INTO rubrics (version, name, active, activated_at, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)
                    """, [version, input.name, input.activate, input.activate ? now : nil, now, now])
                let id = db.lastInsertRowID
                for (position, section) in input.sections.enumerated() {
                    try db.execute("""
                        INSERT INTO rubric_sections (rubric_id, code, position, title_zh, title_en) VALUES (?, ?, ?, ?, ?)
                        """, [id, section.code, position + 1, section.titleZh, section.titleEn])
                }
                for (position, item) in input.items.enumerated() {
                    try db.execute("""
                        INSERT INTO rubric_items (rubric_id, code, section, position, title_zh, title_en, max_tenths, source)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                        """, [id, item.code, item.section, position + 1, item.titleZh, item.titleEn, item.maxPoints.tenths,
                              item.source?.rawValue])
                }
                guard let record = try RubricRecord.find(db, id: id) else { throw HTTPError.notFound() }
                try AuditTrail.record(db, context: context, entity: "rubric", id: id, action: "create", before: nil, after: record.json)
                return .json(record.json, status: 201, headers: ["location": "/v1/rubrics/\(id)", "etag": record.etag])
            }
        }
    }

    private static func activate(_ context: APIContext) throws -> HTTPResponse {
        let id = try context.parameters.id()
        let record = try context.services.database.write { db -> RubricRecord in
            guard let current = try RubricRecord.find(db, id: id) else { throw HTTPError.notFound() }
            try Conditional.requireMatch(context.request.headers, etag: current.etag)
            guard !current.active else { return current }
            try deactivateCurrent(db, context: context)
            try db.execute("UPDATE rubrics SET active = 1, activated_at = ?, updated_at = ? WHERE id = ?",
                           [context.now.description, context.now.description, id])
            guard let updated = try RubricRecord.find(db, id: id) else { throw HTTPError.notFound() }
            try AuditTrail.record(db, context: context, entity: "rubric", id: id, action: "activate",
                                  before: .object(JSONObject([("active", false)])), after: .object(JSONObject([("active", true)])))
            return updated
        }
        return .json(record.json, headers: ["etag": record.etag])
    }

    /// Clears the active flag (inside the caller's transaction, so there is never a moment with two).
    private static func deactivateCurrent(_ db: Connection, context: APIContext) throws {
        guard let previous = try db.scalar("SELECT id FROM rubrics WHERE active = 1", as: Int64.self) else { return }
        try db.execute("UPDATE rubrics SET active = 0, updated_at = ? WHERE id = ?", [context.now.description, previous])
        try AuditTrail.record(db, context: context, entity: "rubric", id: previous, action: "deactivate",
                              before: .object(JSONObject([("active", true)])), after: .object(JSONObject([("active", false)])))
    }
}
