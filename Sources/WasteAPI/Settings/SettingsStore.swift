import JSON
import Storage
import WasteDomain

/// Reads and writes the single settings row; absent means the defaults (version 0).
enum SettingsStore {
    struct Stored {
        var settings: DistrictSettings
        var version: Int64
        var updatedAt: String?
    }

    static func load(_ db: Connection) throws -> Stored {
        guard let row = try db.queryOne("SELECT document, version, updated_at FROM settings WHERE id = 1") else {
            return Stored(settings: DistrictSettings(), version: 0, updatedAt: nil)
        }
        var reader = JSONFieldReader(body: try StoredValues.document(row, "document"), allowedKeys: SettingsJSON.keys)
        let settings = SettingsJSON.read(&reader, over: DistrictSettings())
        try StoredValues.requireValid(reader, column: "settings.document")
        return Stored(settings: settings, version: try row.int64("version"), updatedAt: try row.string("updated_at"))
    }

    static func save(_ db: Connection, _ settings: DistrictSettings, now: Timestamp) throws -> Int64 {
        let document = SettingsJSON.stored(settings).serializedString()
        try db.execute("""
            INSERT INTO settings (id, document, version, created_at, updated_at) VALUES (1, ?, 1, ?, ?)
            ON CONFLICT(id) DO UPDATE SET document = excluded.document, version = settings.version + 1,
                updated_at = excluded.updated_at
            """, [document, now.description, now.description])
        return try db.scalar("SELECT version FROM settings WHERE id = 1", as: Int64.self) ?? 1
    }
}

/// The district's settings as stored, for the command line and the demo generator.
public enum StoredSettings {
    public static func load(_ db: Connection) throws -> DistrictSettings { try SettingsStore.load(db).settings }
}
