import Foundation
import Hashing
import JSON
@testable import WasteAPI
import WasteDomain

/// A district for inspection tests: the clock at 2020-06-15 12:00 district time, two
/// institutions, an inspector, a clerk of each institution and a viewer, each with an API
/// token that does not expire when the test clock moves.
final class InspectionWorld: @unchecked Sendable {
    let app: TestApp
    let ownID: Int64 = 1
    let otherID: Int64 = 2
    let archivedID: Int64 = 3
    let inspector: String
    let clerk: String
    let otherClerk: String
    let viewer: String
    var admin: String { app.adminToken }

    static let start = Timestamp(parsing: "2020-06-15T04:00:00Z")!

    /// The default rubric's items and maxima, in order.
    static let defaultItems: [(code: String, max: String)] = [
        ("A1", "5"), ("A2", "5"), ("A3", "5"), ("A4", "5"), ("A5", "5"), ("A6", "5"),
        ("B1", "10"), ("B2", "5"), ("B3", "5"), ("B4", "5"),
        ("C1", "10"), ("C2", "5"), ("C3", "15"), ("C4", "5"), ("C5", "5"), ("C6", "5"),
    ]

    /// `rectificationNeedsPhoto: false` turns the setting off, for tests of the transitions alone.
    init(rectificationNeedsPhoto: Bool = true) throws {
        app = try TestApp()
        app.clock.set(Self.start)
        let now = Self.start.description
        if !rectificationNeedsPhoto {
            try app.sql("INSERT INTO settings (id, document, version, created_at, updated_at) VALUES (1, ?, 1, ?, ?)",
                        ["{\"rectification_requires_photo\": false}", now, now])
        }
        for (id, code, name, status) in [(1, "JS-001", "尖山区人民政府办公室", "active"), (2, "JS-002", "尖山区教育局", "active"),
                                         (3, "JS-003", "已撤并单位", "archived")] {
            try app.sql("""
                INSERT INTO institutions (id, code, name, kind, status, created_at, updated_at) VALUES (?, ?, ?, 'party_government_organ', ?, ?, ?)
                """, [id, code, name, status, now, now])
        }
        inspector = try Self.user(app, "inspector1", role: "inspector", institution: nil)
        clerk = try Self.user(app, "clerk1", role: "clerk", institution: 1)
        otherClerk = try Self.user(app, "clerk2", role: "clerk", institution: 2)
        viewer = try Self.user(app, "viewer1", role: "viewer", institution: nil)
    }

    /// Creates a user and an API token for it; returns the token.
    private static func user(_ app: TestApp, _ username: String, role: String, institution: Int64?) throws -> String {
        let hash = try PasswordHasher(iterations: 1000).hash(password: "pw-\(username)")
        let now = start.description
        try app.sql("""
            INSERT INTO users (username, display_name, role, institution_id, password_hash, created_at, updated_at)
            VALUES (?, ?, ?, ?, ?, ?, ?)
            """, [username, username, role, institution, hash, now, now])
        let (token, tokenHash) = try APIToken.generate()
        try app.sql("""
            INSERT INTO tokens (user_id, kind, name, token_hash, created_at)
            SELECT id, 'api', 'test', ?, ? FROM users WHERE username = ?
            """, [tokenHash, now, username])
        return token
    }

    /// Every default-rubric item at its maximum, except the scores given. The measured items (C3, C6)
    /// are scored by hand here, so they carry the note an override needs (docs/DECISIONS.md).
    static func items(_ overrides: [String: JSONValue] = [:]) -> JSONValue {
        .array(defaultItems.map { item in
            var object: JSONObject = ["code": .string(item.code), "score": overrides[item.code] ?? .number(JSONNumber(item.max)!)]
            if measuredCodes.contains(item.code) { object.set("note", "检查组现场评分") }
            return .object(object)
        })
    }

    static let measuredCodes: Set<String> = ["C3", "C6"]

    static func number(_ text: String) -> JSONValue { .number(JSONNumber(text)!) }

    /// A valid creation body; `extra` members are added or replace defaults.
    func body(institution: Int64? = nil, on date: String = "2020-06-10", kind: String = "monthly",
              scores: [String: JSONValue] = [:], findings: [JSONValue] = [], extra: [(String, JSONValue)] = []) -> JSONValue {
        var object = JSONObject([
            ("institution_id", .number(JSONNumber(institution ?? ownID))),
            ("inspected_on", .string(date)),
            ("kind", .string(kind)),
            ("items", Self.items(scores)),
            ("findings", .array(findings)),
        ])
        for (key, value) in extra { object.set(key, value) }
        return .object(object)
    }

    static func finding(_ code: String = "C3", by date: String = "2020-06-20", severity: String = "major") -> JSONValue {
        ["item_code": .string(code), "description": "厨余垃圾桶内混有其他垃圾", "severity": .string(severity), "rectify_by": .string(date)]
    }

    /// Creates an inspection (as the inspector) and returns its JSON; fails the test when refused.
    @discardableResult
    func create(_ body: JSONValue, finalize: Bool = false) throws -> JSONValue {
        let created = try app.client.post("/v1/inspections", json: body, token: inspector)
        guard created.status == 201, let id = created.json["id"]?.numberValue?.int64 else {
            throw HTTPTestClient.ClientFailure(message: "create failed: \(created.status) \(created.text)")
        }
        guard finalize else { return created.json }
        let finalized = try app.client.post("/v1/inspections/\(id)/finalize", json: [:], token: inspector)
        guard finalized.status == 200 else {
            throw HTTPTestClient.ClientFailure(message: "finalize failed: \(finalized.status) \(finalized.text)")
        }
        return finalized.json
    }
}

extension JSONValue {
    /// The integer value of a member, for ids in tests.
    var int64: Int64? { numberValue?.int64 }
}
