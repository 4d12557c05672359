import Storage
import WasteDomain

/// The demo logins (all with ``DemoDistrict/password``) and the dashboard's viewer token.
enum DemoPeople {
    /// Username, display name, role, and for clerks the index of their institution.
    static let logins: [(username: String, displayName: String, role: Role, unit: Int?)] = [
        ("inspector", "区分类办检查组", .inspector, nil),
        ("viewer", "分类工作大屏", .viewer, nil),
        ("clerk1", "区委办台帐填报员", .clerk, 0),
        ("clerk2", "区政府办台帐填报员", .clerk, 1),
    ]

    /// Inserts the users (refusing if one of the names is taken) and the viewer's API token.
    static func insert(_ context: DemoContext, units: inout [DemoUnit], hashes: [String], viewerTokenHash: String) throws -> [String] {
        let created = context.calendar.instant(context.calendar.setupDay, hour: 10)
        var viewerID: Int64 = 0
        var usernames: [String] = []
        for (login, hash) in zip(logins, hashes) {
            if try context.db.scalar("SELECT count(*) FROM users WHERE username = ?", [login.username], as: Int.self) ?? 0 > 0 {
                throw DemoDistrict.Failure(description: "user \(login.username) already exists; the demo district needs a database without its users")
            }
            let unitIndex = login.unit.flatMap { units.indices.contains($0) ? $0 : nil }
            if login.role == .clerk && unitIndex == nil { continue }
            try context.db.execute("""
                INSERT INTO users (username, display_name, role, institution_id, password_hash, active, created_at, updated_at, version)
                VALUES (?, ?, ?, ?, ?, 1, ?, ?, 1)
                """, [login.username, login.displayName, login.role.rawValue, unitIndex.map { units[$0].id }, hash, created, created])
            let id = context.db.lastInsertRowID
            switch login.role {
            case .inspector: context.inspectorID = id
            case .viewer: viewerID = id
            case .clerk: if let unitIndex { units[unitIndex].clerkID = id }
            case .admin: break
            }
            usernames.append(login.username)
        }
        try context.db.execute("""
            INSERT INTO tokens (user_id, kind, name, token_hash, created_at, expires_at) VALUES (?, 'api', ?, ?, ?, NULL)
            """, [viewerID, "演示大屏 demo dashboard", viewerTokenHash, created])
        return usernames
    }
}
