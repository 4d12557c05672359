import Routing
import Storage

/// Storage faults in Prometheus text format: how many operations each kind failed since start,
/// and which one (if any) writes are failing with now.
enum StorageFaultMetricsText {
    static func render(_ health: StorageHealth.Snapshot, into out: inout PrometheusText) {
        out.header("wastesort_storage_faults_total", type: "counter",
                   help: "Database operations failed by a storage fault (disk full, I/O error, read-only, database moved).")
        for kind in StorageFault.Kind.allCases {
            out.sample("wastesort_storage_faults_total", labels: [("kind", kind.rawValue)], value: health.failures[kind] ?? 0)
        }
        out.header("wastesort_storage_fault_active", type: "gauge",
                   help: "1 for the storage fault writes are failing with now (cleared by the next successful commit).")
        for kind in StorageFault.Kind.allCases {
            out.sample("wastesort_storage_fault_active", labels: [("kind", kind.rawValue)],
                       value: health.current?.kind == kind ? 1 : 0)
        }
    }
}
