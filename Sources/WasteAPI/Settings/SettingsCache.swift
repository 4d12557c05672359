import Storage
import WasteDomain
import Locking

/// The district settings, re-read only after a write: most requests need them (today's date
/// in the district, categories in force) and they change rarely.
final class SettingsCache: Sendable {
    private let database: DatabasePool
    private let cached = Locked<(generation: Int, settings: DistrictSettings)?>(nil)

    init(database: DatabasePool) {
        self.database = database
    }

    /// The settings when no write happened since they were read; nil otherwise (no database read).
    func remembered() -> DistrictSettings? {
        let generation = database.writeGeneration
        guard let hit = cached.withLock({ $0 }), hit.generation == generation else { return nil }
        return hit.settings
    }

    func current() throws -> DistrictSettings {
        let generation = database.writeGeneration
        if let hit = cached.withLock({ $0 }), hit.generation == generation { return hit.settings }
        let settings = try database.read { try SettingsStore.load($0) }.settings
        cached.withLock { $0 = (generation, settings) }
        return settings
    }
}
