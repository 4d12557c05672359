import JSON
import Storage
import WasteDomain

/// Versions of the scoring scheme; the latest applies, version 0 is the built-in default.
enum ScoringSchemeStore {
    struct Stored {
        let scheme: ScoringScheme
        let version: Int64
        let createdAt: String?
    }

    static func latest(_ db: Connection) throws -> Stored {
        guard let row = try db.queryOne("SELECT version, document, created_at FROM scoring_schemes ORDER BY version DESC LIMIT 1") else {
            return Stored(scheme: ScoringScheme(), version: 0, createdAt: nil)
        }
        var reader = JSONFieldReader(body: try StoredValues.document(row, "document"), allowedKeys: ScoringSchemeJSON.keys)
        let scheme = ScoringSchemeJSON.read(&reader, over: ScoringScheme())
        try StoredValues.requireValid(reader, column: "scoring_schemes.document")
        return Stored(scheme: scheme, version: try row.int64("version"), createdAt: try row.string("created_at"))
    }

    static func save(_ db: Connection, _ scheme: ScoringScheme, by userID: Int64?, now: Timestamp) throws -> Int64 {
        let version = (try db.scalar("SELECT COALESCE(MAX(version), 0) FROM scoring_schemes", as: Int64.self) ?? 0) + 1
        try db.execute("INSERT INTO scoring_schemes (version, document, created_at, created_by) VALUES (?, ?, ?, ?)",
                       [version, ScoringSchemeJSON.json(scheme).serializedString(), now.description, userID])
        return version
    }
}
