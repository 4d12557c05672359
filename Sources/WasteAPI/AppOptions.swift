import Hashing
import HTTPCore
import Routing

/// How the API behaves: what the command line and environment decided.
public struct AppOptions: Sendable {
    /// Anonymous GETs of rankings, statistics and published notices (wall dashboards).
    public var publicRead = false
    /// Migrations the database must have applied to be ready.
    public var expectedMigrations = 0
    /// Counters of the HTTP layer, for `/metrics`.
    public var serverStats: ServerStats?
    public var accessLog: AccessLog?
    public var clock = AppClock.system
    /// PBKDF2 iterations for new password hashes (tests lower it to stay fast).
    public var passwordIterations = PasswordHasher.defaultIterations
    /// Lifetime of a login session, in seconds.
    public var sessionLifetime: Int64 = 12 * 3600
    /// The build `/metrics` reports as `wastesort_build_info` (none in tests that do not set it).
    public var buildInfo: BuildInfo?
    /// When set, `/metrics` wants `Authorization: Bearer <token>` (a scraper's secret, not a user token).
    public var metricsToken: String?
    /// Data rows one import (CSV or xlsx) may hold; more is a 413 (docs/DECISIONS.md, "Spreadsheets").
    public var importMaxRows = InstitutionImport.defaultMaxRows
    /// The reminder scheduler and delivery worker (started by ``Application/startBackgroundWork()``).
    public var reminders = ReminderOptions()

    /// The reverse proxy whose `X-Forwarded-For` names the client (`--trusted-proxy`); nil: the
    /// TCP peer is the client.
    public var trustedProxy: String?
    /// Threads and queued checks of the password-check pool (see `PasswordChecks`).
    public var passwordCheckThreads = 2
    public var passwordCheckQueue = 8
    /// Largest evidence file (photo or document) one upload may carry.
    public var maxUploadBytes = 20 << 20
    /// Where evidence files are kept; nil: beside the database, in `<database>.attachments`.
    public var attachmentsDirectory: String?

    public init() {}
}
