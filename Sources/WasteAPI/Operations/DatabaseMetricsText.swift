import Storage

/// The database timings in Prometheus text format.
enum DatabaseMetricsText {
    static func render(_ metrics: DatabaseMetrics) -> String {
        var out = "# HELP wastesort_db_operation_seconds Time spent in database reads, writes and commits.\n"
        out += "# TYPE wastesort_db_operation_seconds histogram\n"
        for (name, timing) in [("read", metrics.reads), ("write", metrics.writes), ("commit", metrics.commits)] {
            var cumulative = 0
            for (index, bound) in DatabaseMetrics.bucketBounds.enumerated() {
                cumulative += timing.bucketCounts[index]
                out += "wastesort_db_operation_seconds_bucket{operation=\"\(name)\",le=\"\(bound)\"} \(cumulative)\n"
            }
            out += "wastesort_db_operation_seconds_bucket{operation=\"\(name)\",le=\"+Inf\"} \(timing.count)\n"
            out += "wastesort_db_operation_seconds_sum{operation=\"\(name)\"} \(timing.totalSeconds)\n"
            out += "wastesort_db_operation_seconds_count{operation=\"\(name)\"} \(timing.count)\n"
        }
        out += "# HELP wastesort_db_failed_writes_total Write jobs that failed and were rolled back.\n"
        out += "# TYPE wastesort_db_failed_writes_total counter\n"
        out += "wastesort_db_failed_writes_total \(metrics.failedWrites)\n"
        return out
    }
}
