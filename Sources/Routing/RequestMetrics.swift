import Glibc
import HTTPCore
import Locking

/// Request counts by route and status and a latency histogram per route, for `/metrics`.
public final class RequestMetrics: Sendable {
    /// Histogram upper bounds, in seconds.
    public static let buckets: [Double] = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5]

    struct Key: Hashable {
        let method: String
        let route: String
        let status: Int
    }

    struct Histogram {
        var counts = [Int](repeating: 0, count: RequestMetrics.buckets.count)
        var count = 0
        var sum = 0.0
    }

    struct State {
        var requests: [Key: Int] = [:]
        var latency: [String: Histogram] = [:]
    }

    /// Shards by thread, so the I/O loops and workers rarely wait on each other's lock.
    private let shards: [Shard] = (0..<16).map { _ in Shard() }

    final class Shard: Sendable {
        let state = Locked(State())
    }

    public init() {}

    private var shard: Shard {
        shards[Int((UInt(pthread_self()) >> 12) % 16)]
    }

    /// Records one answered request; `route` nil for requests no route matched.
    public func record(method: HTTPMethod?, route: String?, status: Int, seconds: Double) {
        let key = Key(method: method?.rawValue ?? "-", route: route ?? "unmatched", status: status)
        shard.state.withLock { state in
            state.requests[key, default: 0] += 1
            var histogram = state.latency[key.route] ?? Histogram()
            if let index = Self.buckets.firstIndex(where: { seconds <= $0 }) { histogram.counts[index] += 1 }
            histogram.count += 1
            histogram.sum += seconds
            state.latency[key.route] = histogram
        }
    }

    /// The Prometheus text exposition of these metrics.
    public func prometheusText() -> String {
        let snapshot = shards.reduce(into: State()) { total, shard in
            let part = shard.state.withLock { $0 }
            total.requests.merge(part.requests, uniquingKeysWith: +)
            total.latency.merge(part.latency) { a, b in
                Histogram(counts: zip(a.counts, b.counts).map(+), count: a.count + b.count, sum: a.sum + b.sum)
            }
        }
        var out = PrometheusText()
        out.header("wastesort_http_requests_total", type: "counter", help: "Requests answered, by method, route and status.")
        for (key, count) in snapshot.requests.sorted(by: { ($0.key.route, $0.key.method, $0.key.status) < ($1.key.route, $1.key.method, $1.key.status) }) {
            out.sample("wastesort_http_requests_total", labels: [("method", key.method), ("route", key.route),
                                                                 ("status", String(key.status))], value: count)
        }
        out.header("wastesort_http_request_duration_seconds", type: "histogram", help: "Time from routing to response, by route.")
        for (route, histogram) in snapshot.latency.sorted(by: { $0.key < $1.key }) {
            out.histogram("wastesort_http_request_duration_seconds", labels: [("route", route)], bounds: Self.buckets,
                          counts: histogram.counts, count: histogram.count, sum: histogram.sum)
        }
        return out.text
    }
}
