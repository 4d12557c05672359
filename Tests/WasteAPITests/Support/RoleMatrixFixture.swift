import Foundation
import Hashing
import JSON
import Storage
@testable import WasteAPI
import WasteDomain

/// Who calls a route in the role matrix.
enum MatrixCaller: Hashable, CustomStringConvertible {
    case anonymous
    /// `Authorization: Bearer nope`.
    case malformed
    /// A session whose 12 hours have passed.
    case expired
    /// A session revoked by `DELETE /v1/sessions/current`.
    case revoked
    case role(Role)

    static let all: [MatrixCaller] = [.anonymous, .malformed, .expired, .revoked] + Role.allCases.map(MatrixCaller.role)

    var description: String {
        switch self {
        case .anonymous: "anonymous"
        case .malformed: "malformed token"
        case .expired: "expired session"
        case .revoked: "revoked session"
        case .role(let role): role.rawValue
        }
    }
}

/// A live app with one caller of each kind: API tokens (no expiry) for the four roles, the clerk
/// bound to an institution of its own, and the expired and revoked sessions.
final class RoleMatrixFixture {
    let app: TestApp
    let clerkInstitutionID: Int64
    private var tokens: [MatrixCaller: String] = [:]

    init(publicRead: Bool) throws {
        app = try TestApp(publicRead: publicRead)
        let now = app.clock.now().description
        try app.sql("""
            INSERT INTO institutions (code, name, kind, created_at, updated_at)
            VALUES ('MATRIX-1', '角色矩阵测试单位', 'party_government_organ', ?, ?)
            """, [now, now])
        clerkInstitutionID = try Self.id(app, "SELECT id FROM institutions WHERE code = 'MATRIX-1'")
        let hash = try PasswordHasher(iterations: 1000).hash(password: "matrix-password")
        for role in Role.allCases where role != .admin {
            try app.sql("""
                INSERT INTO users (username, display_name, role, institution_id, password_hash, created_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                """, ["matrix-\(role.rawValue)", "Matrix \(role.rawValue)", role.rawValue,
                      role == .clerk ? clerkInstitutionID : Int64?.none, hash, now, now])
        }
        for role in Role.allCases {
            let username = role == .admin ? "admin" : "matrix-\(role.rawValue)"
            tokens[.role(role)] = try apiToken(for: try Self.id(app, "SELECT id FROM users WHERE username = ?", [username]))
        }
        // Moving the clock expires every session, the admin's included; API tokens stay valid.
        tokens[.expired] = try app.login("admin", TestApp.adminPassword)
        app.clock.advance(seconds: 13 * 3600)
        // After the move, so that only the revocation (not the clock) can refuse it.
        tokens[.revoked] = try revokedSession()
    }

    /// Sends `method path` as `caller`, with `{}` as the body of POST, PUT and PATCH.
    func call(_ method: String, _ path: String, as caller: MatrixCaller) throws -> HTTPTestClient.Response {
        var headers: [(String, String)] = []
        if caller == .malformed { headers.append(("Authorization", "Bearer nope")) }
        let hasBody = ["POST", "PUT", "PATCH"].contains(method)
        return try app.client.request(method, path, token: tokens[caller], headers: headers,
                                      body: hasBody ? Array("{}".utf8) : nil,
                                      contentType: hasBody ? "application/json" : nil)
    }

    /// The route path with each `{parameter}` replaced: the clerk's own institution under
    /// `/institutions/`, a month for `{month}`, and an id that does not exist elsewhere.
    func concretePath(_ path: String) -> String {
        var previous = ""
        let segments = path.split(separator: "/", omittingEmptySubsequences: false).map { part -> String in
            defer { previous = String(part) }
            guard part.hasPrefix("{") && part.hasSuffix("}") else { return String(part) }
            let name = part.dropFirst().dropLast()
            if name == "month" { return "2020-06" }
            if name == "period" { return "2020-Q2" }
            if previous == "institutions" || name == "institution_id" { return String(clerkInstitutionID) }
            return "999999"
        }
        return segments.joined(separator: "/")
    }

    private func apiToken(for userID: Int64) throws -> String {
        let (token, hash) = try APIToken.generate()
        try app.sql("INSERT INTO tokens (user_id, kind, name, token_hash, created_at) VALUES (?, 'api', 'role matrix', ?, ?)",
                    [userID, hash, app.clock.now().description])
        return token
    }

    private func revokedSession() throws -> String {
        let token = try app.login("admin", TestApp.adminPassword)
        let logout = try app.client.delete("/v1/sessions/current", token: token)
        guard logout.status == 204 else {
            throw HTTPTestClient.ClientFailure(message: "logout failed: \(logout.status) \(logout.text)")
        }
        return token
    }

    private static func id(_ app: TestApp, _ sql: String, _ arguments: [any SQLValueConvertible] = []) throws -> Int64 {
        guard let id = try app.pool.read({ try $0.scalar(sql, arguments, as: Int64.self) }) else {
            throw HTTPTestClient.ClientFailure(message: "no row for \(sql)")
        }
        return id
    }
}
