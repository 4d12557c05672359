import Routing
import Storage

/// The database timings in Prometheus text format.
enum DatabaseMetricsText {
    static func render(_ metrics: DatabaseMetrics, into out: inout PrometheusText) {
        out.header("wastesort_db_operation_seconds", type: "histogram", help: "Time spent in database reads, writes and commits.")
        for (name, timing) in [("read", metrics.reads), ("write", metrics.writes), ("commit", metrics.commits)] {
            out.histogram("wastesort_db_operation_seconds", labels: [("operation", name)], bounds: DatabaseMetrics.bucketBounds,
                          counts: timing.bucketCounts, count: timing.count, sum: timing.totalSeconds)
        }
        out.single("wastesort_db_failed_writes_total", type: "counter", help: "Write jobs that failed and were rolled back.",
                   value: metrics.failedWrites)
    }
}
