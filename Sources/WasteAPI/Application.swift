import HTTPCore
import Routing
import Storage

/// The wastesort API: every route, built over one database pool.
///
/// Each resource registers its routes from its own file; `routes.docs` feeds `/openapi.json`
/// and the role-matrix test, so a route cannot exist without its access rule and summary.
public final class Application: Sendable {
    public let services: Services
    public let router: Router
    public let docs: [RouteDoc]

    public var database: DatabasePool { services.database }
    public var options: AppOptions { services.options }

    public init(database: DatabasePool, options: AppOptions = AppOptions()) {
        services = Services(database: database, options: options)
        var routes = APIRoutes(services: services)
        let metrics = RequestMetrics()
        OperationalRoutes(database: database, options: options, metrics: metrics).register(in: &routes)
        SessionRoutes.register(in: &routes)
        AccountRoutes.register(in: &routes)
        UserRoutes.register(in: &routes)
        TokenRoutes.register(in: &routes)
        AuditRoutes.register(in: &routes)
        SettingsRoutes.register(in: &routes)
        InstitutionRoutes.register(in: &routes)
        LedgerEntryRoutes.register(in: &routes)
        LedgerReportRoutes.register(in: &routes)
        LedgerStatsRoutes.register(in: &routes)
        ScopedRoutes.register(CollectionPointFields.description, in: &routes)
        ScopedRoutes.register(StorageRoomFields.description, in: &routes)
        ScopedRoutes.register(ContractFields.description, in: &routes)
        FacilityStandardRoutes.register(in: &routes)
        ComplianceRoutes.register(in: &routes)
        ScopedRoutes.register(ActivityFields.description, in: &routes)
        ScopedRoutes.register(SurveyFields.description, in: &routes)
        ScopedRoutes.register(TaskFields.description, in: &routes)
        ScopedRoutes.register(FundingFields.description, in: &routes)
        RubricRoutes.register(in: &routes)
        InspectionRoutes.register(in: &routes)
        FindingRoutes.register(in: &routes)
        ScoringSchemeRoutes.register(in: &routes)
        RankingRoutes.register(in: &routes)
        OverviewRoutes.register(in: &routes)
        CoverageRoutes.register(in: &routes)
        NoticeRoutes.register(in: &routes)
        SubscriptionRoutes.register(in: &routes)
        DeliveryRoutes.register(in: &routes)
        AttachmentRoutes.register(in: &routes)
        DashboardRoutes.register(in: &routes)
        ProblemPageRoutes.register(in: &routes)
        OpenAPIRoutes.register(in: &routes)  // last: it documents the routes registered before it
        docs = routes.docs
        let settings = services.settings
        router = Router(routes.table, log: options.accessLog, metrics: metrics,
                        defaultLanguage: { ProblemLanguage(tag: (try? settings.current().language) ?? "zh") ?? .zh })
    }

    /// Starts the reminder scheduler and the delivery worker (their own threads).
    public func startBackgroundWork() { services.reminders.start() }

    /// Stops them, letting a delivery in progress finish; call before closing the database.
    public func stopBackgroundWork() { services.reminders.stop() }
}
