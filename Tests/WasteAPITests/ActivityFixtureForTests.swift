import Foundation
import Hashing
import JSON
import Storage
@testable import WasteAPI

/// Two institutions (ids 1 and 2) with a clerk each, an inspector and a viewer, inserted
/// directly: the tests of the activity resources need no institution or user routes.
struct ActivityFixture {
    let app: TestApp
    let institutionA: Int64 = 1
    let institutionB: Int64 = 2
    let clerkA: String
    let clerkB: String
    let inspector: String
    let viewer: String
    var admin: String { app.adminToken }

    static let password = "fixture-password"

    init() throws {
        app = try TestApp()
        let now = app.clock.now().description
        for (id, code) in [(1, "A001"), (2, "B002")] {
            try app.sql("""
                INSERT INTO institutions (id, code, name, kind, created_at, updated_at)
                VALUES (?, ?, ?, 'party_government_organ', ?, ?)
                """, [id, code, "单位\(code)", now, now])
        }
        let hash = try PasswordHasher(iterations: 1000).hash(password: Self.password)
        let users: [(String, String, Int64?)] = [("clerk-a", "clerk", 1), ("clerk-b", "clerk", 2),
                                                 ("inspector", "inspector", nil), ("viewer", "viewer", nil)]
        for (name, role, institution) in users {
            try app.sql("""
                INSERT INTO users (username, display_name, role, institution_id, password_hash, created_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                """, [name, name, role, institution, hash, now, now])
        }
        clerkA = try app.login("clerk-a", Self.password)
        clerkB = try app.login("clerk-b", Self.password)
        inspector = try app.login("inspector", Self.password)
        viewer = try app.login("viewer", Self.password)
    }

    /// `POST /v1/institutions/{institution}/{table}`, expecting 201; returns the created resource.
    @discardableResult
    func create(_ table: String, _ body: JSONValue, in institution: Int64 = 1, token: String? = nil) throws -> JSONValue {
        let response = try app.client.post("/v1/institutions/\(institution)/\(table)", json: body, token: token ?? admin)
        guard response.status == 201 else {
            throw HTTPTestClient.ClientFailure(message: "create \(table): \(response.status) \(response.text)")
        }
        return response.json
    }

    /// The audit events of one entity, oldest first, as (action, before, after).
    func auditTrail(_ entity: String, _ id: Int64) throws -> [(action: String, before: JSONValue?, after: JSONValue?)] {
        try app.pool.read { db in
            try db.query("SELECT action, before, after FROM audit_events WHERE entity = ? AND entity_id = ? ORDER BY id",
                         [entity, id]).map { row in
                (try row.string("action"), try row.optionalString("before").flatMap { try? JSONValue.parse(Array($0.utf8)) },
                 try row.optionalString("after").flatMap { try? JSONValue.parse(Array($0.utf8)) })
            }
        }
    }

    /// Rows of a table, straight from the database.
    func count(_ table: String) throws -> Int {
        try app.pool.read { db in try db.scalar("SELECT COUNT(*) FROM \(table)", as: Int.self) ?? 0 }
    }
}

extension JSONValue {
    /// The id of a created resource, for building paths.
    var scopedID: Int64 { self["id"]?.numberValue?.int64 ?? 0 }
    /// A number's literal text (`"0.3"`), to check exact decimals.
    var scopedNumberText: String? { numberValue?.text }
}
