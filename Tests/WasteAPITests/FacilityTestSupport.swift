import Foundation
import Hashing
import JSON
import Storage
@testable import WasteAPI

/// Fixtures for the facility tests: institutions and users written directly (their routes are
/// another resource's), and a fully equipped inventory created through the API.
extension TestApp {
    func institution(_ id: Int64, headcount: Int = 40, floors: Int = 1, canteen: Bool = false, status: String = "active") throws {
        try sql("""
            INSERT INTO institutions (id, code, name, kind, headcount, floors, has_canteen, status, created_at, updated_at)
            VALUES (?, ?, ?, 'party_government_organ', ?, ?, ?, ?, '2020-01-01T00:00:00Z', '2020-01-01T00:00:00Z')
            """, [id, "U\(id)", "单位\(id)", headcount, floors, canteen, status])
    }

    /// Creates a user and returns a session token for it.
    func user(_ username: String, role: String, institution: Int64? = nil) throws -> String {
        let hash = try PasswordHasher(iterations: 1000).hash(password: "pw-\(username)")
        try sql("""
            INSERT INTO users (username, display_name, role, institution_id, password_hash, created_at, updated_at)
            VALUES (?, ?, ?, ?, ?, '2020-01-01T00:00:00Z', '2020-01-01T00:00:00Z')
            """, [username, username, role, institution, hash])
        return try login(username, "pw-\(username)")
    }

    func count(_ sql: String, _ arguments: [any SQLValueConvertible] = []) throws -> Int {
        try pool.read { db in try db.scalar(sql, arguments, as: Int.self) ?? 0 }
    }

    /// Everything the default standard asks of a one-floor institution without a canteen.
    func equip(_ institution: Int64, token: String? = nil) throws {
        let token = token ?? adminToken
        let bins: JSONValue = ["recyclable": ["count": 1], "hazardous": ["count": 1], "food": ["count": 1], "residual": ["count": 1]]
        _ = try client.post("/v1/institutions/\(institution)/collection-points",
                            json: ["location": "1楼办公区", "kind": "office_floor", "floor": 1, "bins": bins, "signage_ok": true],
                            token: token)
        for category in ["recyclable", "hazardous", "food", "residual"] {
            _ = try client.post("/v1/institutions/\(institution)/contracts",
                                json: ["category": .string(category), "hauler": "城管环卫", "licence_no": "HL-1",
                                       "valid_from": "2000-01-01", "valid_to": "2099-12-31"], token: token)
        }
    }
}
