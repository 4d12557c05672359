/// Database timings for `/metrics`: counts, total and maximum durations, and a latency histogram.
public struct DatabaseMetrics: Sendable {
    /// Durations of one kind of operation.
    public struct Timing: Sendable {
        public internal(set) var count = 0
        public internal(set) var totalSeconds = 0.0
        public internal(set) var maxSeconds = 0.0
        /// `bucketCounts[i]` counts operations that took at most `bucketBounds[i]` seconds and more
        /// than the previous bound; the last entry counts the rest (+Inf). Not cumulative.
        public internal(set) var bucketCounts = [Int](repeating: 0, count: DatabaseMetrics.bucketBounds.count + 1)

        mutating func record(_ seconds: Double) {
            count += 1
            totalSeconds += seconds
            maxSeconds = max(maxSeconds, seconds)
            let bucket = DatabaseMetrics.bucketBounds.firstIndex { seconds <= $0 } ?? DatabaseMetrics.bucketBounds.count
            bucketCounts[bucket] += 1
        }

        /// Mean duration in seconds, 0 when nothing was recorded.
        public var meanSeconds: Double { count == 0 ? 0 : totalSeconds / Double(count) }
    }

    /// Upper bounds of the histogram buckets, in seconds.
    public static let bucketBounds: [Double] = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1]

    /// `read { }` calls, from borrowing a reader to returning it.
    public internal(set) var reads = Timing()
    /// `write { }` calls as the caller sees them: from enqueueing to the acknowledged commit.
    public internal(set) var writes = Timing()
    /// Writer transactions (one per group or per lone job), from BEGIN to COMMIT.
    public internal(set) var commits = Timing()
    /// Write jobs whose body threw or whose commit failed.
    public internal(set) var failedWrites = 0
    /// The largest number of jobs committed in one group.
    public internal(set) var largestGroup = 0

    public init() {}
}
