import Foundation
import Hashing
import JSON
import WasteDomain

/// A test server with two institutions, a clerk for each, an inspector and a viewer, and the
/// clock at Friday 2026-11-20 12:00 in the district (UTC+8): October is over, November is not.
final class LedgerFixture: @unchecked Sendable {
    static let now = Timestamp(parsing: "2026-11-20T04:00:00Z")!
    let app: TestApp
    let alpha: Int64 = 1
    let beta: Int64 = 2
    private(set) var clerkA = ""
    private(set) var clerkB = ""
    private(set) var inspector = ""
    private(set) var viewer = ""

    var admin: String { app.adminToken }
    var client: HTTPTestClient { app.client }

    init(publicRead: Bool = false) throws {
        app = try TestApp(publicRead: publicRead)
        app.clock.set(Self.now)
        try addInstitution(alpha, code: "A001", name: "尖山区委办公室", headcount: 50)
        try addInstitution(beta, code: "B002", name: "尖山区教育局", headcount: 30)
        clerkA = try addUser("clerk-a", role: "clerk", institution: alpha)
        clerkB = try addUser("clerk-b", role: "clerk", institution: beta)
        inspector = try addUser("inspector", role: "inspector", institution: nil)
        viewer = try addUser("viewer", role: "viewer", institution: nil)
    }

    func addInstitution(_ id: Int64, code: String, name: String, headcount: Int, status: String = "active") throws {
        let stamp = Self.now.description
        try app.sql("""
            INSERT INTO institutions (id, code, name, kind, headcount, status, created_at, updated_at)
            VALUES (?, ?, ?, 'party_government_organ', ?, ?, ?, ?)
            """, [id, code, name, headcount, status, stamp, stamp])
    }

    /// Creates the user (password `pw-<name>`) and returns a session token.
    func addUser(_ name: String, role: String, institution: Int64?) throws -> String {
        let hash = try PasswordHasher(iterations: 1000).hash(password: "pw-\(name)")
        let stamp = Self.now.description
        try app.sql("""
            INSERT INTO users (username, display_name, role, institution_id, password_hash, created_at, updated_at)
            VALUES (?, ?, ?, ?, ?, ?, ?)
            """, [name, name, role, institution, hash, stamp, stamp])
        return try app.login(name, "pw-\(name)")
    }

    /// An entry object; `kg` is decimal text so the number reaches the server exactly as written.
    static func entry(_ date: String, _ category: String, _ kg: String, stage: String = "collected",
                      _ extra: [(String, JSONValue)] = []) -> JSONValue {
        .object(JSONObject([("occurred_on", .string(date)), ("category", .string(category)),
                            ("weight_kg", .number(JSONNumber(kg)!)), ("stage", .string(stage))] + extra))
    }

    static func batch(_ entries: [JSONValue]) -> JSONValue {
        .object(JSONObject([("entries", .array(entries))]))
    }

    func entriesPath(_ institution: Int64) -> String { "/v1/institutions/\(institution)/ledger-entries" }
    func reportPath(_ institution: Int64, _ month: String) -> String { "/v1/institutions/\(institution)/ledger-reports/\(month)" }

    /// POSTs entries for `institution` as `token` and returns the response.
    @discardableResult
    func post(_ institution: Int64, _ body: JSONValue, token: String? = nil, headers: [(String, String)] = []) throws -> HTTPTestClient.Response {
        try client.post(entriesPath(institution), json: body, token: token ?? admin, headers: headers)
    }

    func action(_ institution: Int64, _ month: String, _ name: String, token: String, body: JSONValue? = nil) throws -> HTTPTestClient.Response {
        let path = reportPath(institution, month) + "/" + name
        if let body { return try client.post(path, json: body, token: token) }
        return try client.request("POST", path, token: token)
    }

    func count(_ sql: String) throws -> Int64 {
        try app.pool.read { db in try db.scalar(sql, as: Int64.self) } ?? 0
    }
}

extension JSONValue {
    /// A number member's exact text (`"12.345"`), for comparing weights without floats.
    func numberText(_ key: String) -> String? { self[key]?.numberValue?.text }
}
