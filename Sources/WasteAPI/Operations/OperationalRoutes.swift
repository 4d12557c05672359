import HTTPCore
import JSON
import Routing
import Storage

/// `/healthz`, `/readyz` and `/metrics`: what load balancers and Prometheus ask.
struct OperationalRoutes: Sendable {
    let database: DatabasePool
    let options: AppOptions
    let metrics: RequestMetrics

    /// Built once: health checks are polled often and never change.
    private static let health = HTTPResponse(status: 200, headers: ["content-type": "application/json; charset=utf-8",
                                                                    "cache-control": "no-store"],
                                             body: Array(#"{"status":"ok"}"#.utf8))

    func register(in routes: inout APIRoutes) {
        routes.addOperational(.GET, "/healthz", summary: "The process is up", inline: true) { _ in Self.health }
        routes.addOperational(.GET, "/readyz", summary: "The database answers and every migration is applied") { _ in
            try readiness()
        }
        routes.addOperational(.GET, "/metrics",
                              summary: "Prometheus metrics: requests, latency, connections, database, build and process (bearer token when the server has --metrics-token)") { request in
            try MetricsAccess.check(request, token: options.metricsToken)
            return .text(metricsText(), contentType: "text/plain; version=0.0.4; charset=utf-8")
        }
    }

    /// Ready when the database answers, has every migration this binary knows applied, and
    /// writes reach the disk (a full disk, failing I/O or a moved file is named in `storage`).
    private func readiness() throws -> HTTPResponse {
        database.recheckStorage()  // a probe write, at most once a second while a fault lasts
        if let fault = database.storageHealth.snapshot.current {
            return .json(.object(JSONObject([("status", .string("unavailable")),
                                             ("storage", .string(fault.kind.rawValue)),
                                             ("detail", .string(fault.text.english)),
                                             ("detail_zh", .string(fault.text.chinese))])), status: 503)
        }
        let applied: Int
        do {
            applied = try database.read { db in
                try db.scalar("SELECT count(*) FROM schema_migrations", as: Int.self) ?? 0
            }
        } catch {
            return .json(.object(JSONObject([("status", .string("unavailable")),
                                             ("detail", .string("the database does not answer"))])), status: 503)
        }
        guard applied >= options.expectedMigrations else {
            return .json(.object(JSONObject([("status", .string("unavailable")),
                                             ("detail", .string("migrations are not applied"))])), status: 503)
        }
        return .json(.object(JSONObject([("status", .string("ready")), ("migrations", .number(JSONNumber(applied)))])))
    }

    private func metricsText() -> String {
        var out = PrometheusText()
        if let stats = options.serverStats {
            out.single("wastesort_open_connections", type: "gauge", help: "Client connections open now.", value: stats.openConnections)
            out.single("wastesort_accepted_connections_total", type: "counter", help: "Connections accepted since start.",
                       value: stats.acceptedConnections)
            out.single("wastesort_refused_requests_total", type: "counter",
                       help: "Requests answered 503 because every worker was busy.", value: stats.refusedRequests)
            out.single("wastesort_refused_connections_total", type: "counter",
                       help: "Connections closed at accept: over --max-connections or out of file descriptors.",
                       value: stats.refusedConnections)
        }
        DatabaseMetricsText.render(database.metrics, into: &out)
        StorageFaultMetricsText.render(database.storageHealth.snapshot, into: &out)
        if let build = options.buildInfo {
            out.header("wastesort_build_info", type: "gauge", help: "The running build: version, commit, SQLite and OpenSSL versions.")
            out.sample("wastesort_build_info", labels: [("version", build.version), ("commit", build.commit),
                                                        ("sqlite", build.sqlite), ("openssl", build.openssl)], value: 1)
        }
        ProcessMetrics.current().render(into: &out)
        return metrics.prometheusText() + out.text
    }
}
