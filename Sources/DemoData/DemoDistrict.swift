import Hashing
import JSON
import Storage
import WasteAPI
import WasteDomain

/// How large a demo district to generate.
public struct DemoOptions: Sendable {
    public var institutions = 45
    /// Complete months before today; the current month so far comes on top.
    public var months = 6
    public var seed: UInt64 = 2026
    /// PBKDF2 iterations of the demo users' passwords (tests and benchmarks may lower it).
    public var passwordIterations = PasswordHasher.defaultIterations

    public init(institutions: Int = 45, months: Int = 6, seed: UInt64 = 2026,
                passwordIterations: Int = PasswordHasher.defaultIterations) {
        self.institutions = institutions
        self.months = months
        self.seed = seed
        self.passwordIterations = passwordIterations
    }
}

/// What a fill created, for `serve --demo` and `generate` to print.
public struct DemoSummary: Sendable, Equatable {
    public struct Count: Sendable, Equatable {
        public let table: String
        public let rows: Int
    }

    /// False when the database already had institutions and nothing was written.
    public let filled: Bool
    public let counts: [Count]
    /// The demo logins, all with ``DemoDistrict/password``.
    public let usernames: [String]
    /// A long-lived API token of the `viewer` user, for the dashboard page; shown only here.
    public let viewerToken: String?

    static let nothingDone = DemoSummary(filled: false, counts: [], usernames: [], viewerToken: nil)

    public func rows(of table: String) -> Int { counts.first { $0.table == table }?.rows ?? 0 }
}

/// Fills an empty database with a realistic, deterministic district (`--demo`, README): the
/// organs and institutions of 尖山区 with ledgers, reports, facilities, publicity, inspections
/// and findings, so that rankings, statistics and notices have something to show at once.
///
/// Everything is written with prepared statements in ONE transaction on the writer: a failure
/// leaves the database as it was, and 5,000 institutions over 24 months take seconds, not hours.
/// Generated rows have no audit events: they were never written by anyone through the API, and
/// the audit log records people's changes (an empty log also shows the data is generated).
public enum DemoDistrict {
    /// The password of every demo user.
    public static let password = "demo-password"

    public struct Failure: Error, CustomStringConvertible {
        public let description: String
    }

    /// Fills the district as seen on `today` (the district's date); returns a summary with
    /// `filled == false`, and writes nothing, when institutions already exist.
    public static func fill(_ pool: DatabasePool, options: DemoOptions, today: CalendarDate) throws -> DemoSummary {
        guard (1...100_000).contains(options.institutions) else {
            throw Failure(description: "institutions must be from 1 to 100000, not \(options.institutions)")
        }
        guard (0...120).contains(options.months) else {
            throw Failure(description: "months must be from 0 to 120, not \(options.months)")
        }
        guard try pool.read({ try $0.scalar("SELECT count(*) FROM institutions", as: Int.self) }) == 0 else { return .nothingDone }
        // Hashing is slow on purpose: do it before taking the writer.
        let hasher = PasswordHasher(iterations: options.passwordIterations)
        let hashes = try DemoPeople.logins.map { _ in try hasher.hash(password: password) }
        let token = try APIToken.generate()
        return try pool.writeAlone { db -> DemoSummary in
            // Checked again inside the transaction: another writer may have come first.
            guard try db.scalar("SELECT count(*) FROM institutions", as: Int.self) == 0 else { return .nothingDone }
            // A large district's indexes take far more than SQLite's default 2 MB page cache: the
            // transaction would spill and rewrite index pages to the WAL over and over.
            let cacheSize = try db.scalar("PRAGMA cache_size", as: Int.self) ?? -2000
            try db.execute("PRAGMA cache_size = -262144")
            defer { try? db.execute("PRAGMA cache_size = \(cacheSize)") }
            let settings = try StoredSettings.load(db)
            let calendar = DemoCalendar(today: today, completeMonths: options.months, utcOffsetMinutes: settings.utcOffsetMinutes)
            let context = DemoContext(db: db, seed: options.seed, calendar: calendar, categories: settings.categoriesInForce)
            var units = try DemoInstitutions.insert(context, count: options.institutions)
            let usernames = try DemoPeople.insert(context, units: &units, hashes: hashes, viewerTokenHash: token.hash)
            try DemoFacilities.insert(context, units: units)
            try DemoLedger.insert(context, units: units, settings: settings)
            try DemoPublicity.insert(context, units: units)
            try DemoInspections.insert(context, units: units)
            return DemoSummary(filled: true, counts: try counts(db), usernames: usernames, viewerToken: token.token)
        }
    }

    /// Today in the district (its UTC offset from the stored settings), for callers holding an instant.
    public static func today(_ pool: DatabasePool, now: Timestamp) throws -> CalendarDate {
        now.date(utcOffsetMinutes: try pool.read { try StoredSettings.load($0).utcOffsetMinutes })
    }

    static let tables = ["institutions", "users", "ledger_entries", "ledger_reports", "collection_points", "storage_rooms",
                         "hauler_contracts", "activities", "surveys", "tasks", "funding", "inspections", "inspection_scores",
                         "findings"]

    private static func counts(_ db: Connection) throws -> [DemoSummary.Count] {
        try tables.map { DemoSummary.Count(table: $0, rows: try db.scalar("SELECT count(*) FROM \($0)", as: Int.self) ?? 0) }
    }
}
