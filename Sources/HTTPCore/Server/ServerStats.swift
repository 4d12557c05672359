import Synchronization

/// Counters the HTTP layer keeps for `/metrics`.
public final class ServerStats: Sendable {
    private let open = Atomic<Int>(0)
    private let accepted = Atomic<Int>(0)
    private let refused = Atomic<Int>(0)
    private let refusedAtAccept = Atomic<Int>(0)

    public init() {}

    /// Connections open now.
    public var openConnections: Int { open.load(ordering: .relaxed) }
    /// Connections accepted since start.
    public var acceptedConnections: Int { accepted.load(ordering: .relaxed) }
    /// Requests answered 503 because the worker queue was full.
    public var refusedRequests: Int { refused.load(ordering: .relaxed) }
    /// Connections closed as soon as accepted: over the connection limit, or accepted on the
    /// reserve descriptor because the process ran out of file descriptors.
    public var refusedConnections: Int { refusedAtAccept.load(ordering: .relaxed) }

    func connectionOpened() {
        open.add(1, ordering: .relaxed)
        accepted.add(1, ordering: .relaxed)
    }

    func connectionClosed() { open.subtract(1, ordering: .relaxed) }
    func requestRefused() { refused.add(1, ordering: .relaxed) }
    func connectionRefused() { refusedAtAccept.add(1, ordering: .relaxed) }
}
