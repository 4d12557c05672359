import BlobStore
import Hashing
import Storage
import WasteDomain

/// What handlers share: the database, the options, the clock and the stores built on them.
public final class Services: Sendable {
    public let database: DatabasePool
    public let options: AppOptions
    public let clock: AppClock
    public let passwords: PasswordHasher
    let loginThrottle: LoginThrottle
    /// PBKDF2 for logins and password changes, on a small bounded pool.
    let passwordChecks: PasswordChecks
    let authenticator: Authenticator
    let settings: SettingsCache
    let rankings: RankingService
    /// Overview documents by period (see ``OverviewRoutes``).
    let overviews: RememberedAnswers<OverviewRoutes.Answer>
    /// The reminder scheduler and the outbox's delivery worker.
    public let reminders: ReminderService
    /// Evidence files (see ``AttachmentRoutes``).
    let blobs: BlobStore

    init(database: DatabasePool, options: AppOptions) {
        self.database = database
        self.options = options
        clock = options.clock
        passwords = PasswordHasher(iterations: options.passwordIterations)
        loginThrottle = LoginThrottle(clock: options.clock)
        passwordChecks = PasswordChecks(hasher: passwords, threads: options.passwordCheckThreads,
                                        queue: options.passwordCheckQueue)
        authenticator = Authenticator(database: database, clock: options.clock)
        settings = SettingsCache(database: database)
        rankings = RankingService(database: database)
        overviews = RememberedAnswers(database: database, tables: OverviewRoutes.inputTables)
        reminders = ReminderService(database: database, options: options, settings: settings)
        blobs = BlobStore(root: options.attachmentsDirectory ?? database.path + ".attachments")
    }
}
