import HTTPCore
import Routing
import Storage

/// The wastesort API: every route, built over one database pool.
///
/// The HTTP server calls `router`; each resource registers its routes from its own file.
public final class Application: Sendable {
    public let database: DatabasePool
    public let options: AppOptions
    public let router: Router

    public init(database: DatabasePool, options: AppOptions = AppOptions()) {
        self.database = database
        self.options = options
        var table = RouteTable()
        let metrics = RequestMetrics()
        OperationalRoutes(database: database, options: options, metrics: metrics).register(in: &table)
        router = Router(table, log: options.accessLog, metrics: metrics)
    }
}
