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

    public init() {}
}
