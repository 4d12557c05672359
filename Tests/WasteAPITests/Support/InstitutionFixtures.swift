import Foundation
import Hashing
import JSON
import Storage
@testable import WasteAPI

/// Institutions and users for the institution tests, made through the API where it offers them.
extension TestApp {
    /// A valid creation body; `overrides` replace or add members (`.null` included).
    static func institutionBody(code: String, name: String, _ overrides: [(String, JSONValue)] = []) -> JSONValue {
        var object: JSONObject = ["code": .string(code), "name": .string(name), "kind": "party_government_organ"]
        for (key, value) in overrides { object.set(key, value) }
        return .object(object)
    }

    /// Creates an institution as admin and returns its id.
    @discardableResult
    func createInstitution(code: String, name: String, _ overrides: [(String, JSONValue)] = []) throws -> Int64 {
        let response = try client.post("/v1/institutions", json: Self.institutionBody(code: code, name: name, overrides),
                                       token: adminToken)
        guard response.status == 201, let id = response.json["id"]?.numberValue?.int64 else {
            throw HTTPTestClient.ClientFailure(message: "create \(code) failed: \(response.status) \(response.text)")
        }
        return id
    }

    /// Inserts a user with `role` (and, for clerks, `institutionID`) and logs it in.
    func userToken(_ username: String, role: String, institutionID: Int64? = nil) throws -> String {
        let hash = try PasswordHasher(iterations: 1000).hash(password: "secret-\(username)")
        let now = clock.now().description
        try sql("""
            INSERT INTO users (username, display_name, role, institution_id, password_hash, created_at, updated_at)
            VALUES (?, ?, ?, ?, ?, ?, ?)
            """, [username, username, role, institutionID, hash, now, now])
        return try login(username, "secret-\(username)")
    }

    /// Sends a CSV body to the import endpoint as admin.
    func importCSV(_ text: String, contentType: String = "text/csv; charset=utf-8") throws -> HTTPTestClient.Response {
        try client.request("POST", "/v1/institutions/import", token: adminToken, body: Array(text.utf8), contentType: contentType)
    }

    func importCSV(bytes: [UInt8]) throws -> HTTPTestClient.Response {
        try client.request("POST", "/v1/institutions/import", token: adminToken, body: bytes, contentType: "text/csv")
    }

    /// The CSV export of every institution (`status=all`).
    func exportCSV(_ query: String = "status=all") throws -> HTTPTestClient.Response {
        try client.get("/v1/institutions?\(query)", token: adminToken, headers: [("Accept", "text/csv")])
    }

    /// Rows of a query, as `[[column: text]]`, read straight from SQLite.
    func rows(_ sql: String, _ arguments: [any SQLValueConvertible] = []) throws -> [[String: String]] {
        try pool.read { db in
            try db.query(sql, arguments).map { row in
                Dictionary(uniqueKeysWithValues: row.columnNames.enumerated().map { index, name in
                    (name, row[index].isNull ? "NULL" : (try? row.string(name)) ?? (try? row.int64(name)).map(String.init) ?? "?")
                })
            }
        }
    }
}
