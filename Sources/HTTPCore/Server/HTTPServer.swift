import Foundation
import Glibc

/// The HTTP/1.1 server: one event loop per I/O thread, each with its own `SO_REUSEPORT`
/// listener, and a bounded worker pool for handlers.
///
/// ```swift
/// let server = HTTPServer(configuration: config, responder: app)
/// let port = try server.start()
/// // … later, from a signal handler:
/// server.shutdown()
/// ```
public final class HTTPServer: @unchecked Sendable {
    // @unchecked: `loops` and `pool` are set once in `start()` before any other thread sees them.
    public let configuration: HTTPServerConfiguration
    public let stats: ServerStats
    private let responder: any HTTPResponder
    private var loops: [EventLoop] = []
    private var pool: WorkerPool?
    public private(set) var port = 0
    /// `configuration.maxConnections`, lowered at start to what the open-file limit allows.
    public private(set) var maxConnections = 0
    /// Set at start when `maxConnections` had to be lowered: one line for the operator.
    public private(set) var connectionLimitWarning: String?

    /// `stats` may be passed in so the application can report it before the server exists.
    public init(configuration: HTTPServerConfiguration, responder: any HTTPResponder, stats: ServerStats = ServerStats()) {
        self.configuration = configuration
        self.responder = responder
        self.stats = stats
    }

    /// Binds, starts the loops and returns the bound port (useful with port 0).
    @discardableResult
    public func start() throws(SocketError) -> Int {
        signal(SIGPIPE, SIG_IGN)
        var effective = configuration
        (effective.maxConnections, connectionLimitWarning) = DescriptorBudget.measure()
            .cap(configuration.maxConnections, ioThreads: max(1, configuration.ioThreads))
        maxConnections = effective.maxConnections
        let listeners = try openListeners()
        let pool = WorkerPool(threadCount: configuration.workerThreads, maxQueued: configuration.maxQueuedRequests)
        self.pool = pool
        for (index, fd) in listeners.enumerated() {
            let loop = try EventLoop(index: index, listenerFD: fd, configuration: effective,
                                     responder: responder, pool: pool, stats: stats)
            loops.append(loop)
        }
        for (index, loop) in loops.enumerated() { loop.start(name: "wastesort-io-\(index)") }
        return port
    }

    /// Stops accepting, lets in-flight requests finish (within the grace period), then returns.
    public func shutdown() {
        for loop in loops { loop.requestDrain() }
        waitUntilStopped()
    }

    /// Blocks until every loop has stopped.
    public func waitUntilStopped() {
        for loop in loops { loop.waitUntilFinished() }
        pool?.shutdown()
    }

    private func openListeners() throws(SocketError) -> [Int32] {
        try PlatformSocket.ensureNobodyListens(host: configuration.host, port: configuration.port)
        let first = try PlatformSocket.listen(host: configuration.host, port: configuration.port)
        var fds = [first]
        do throws(SocketError) {
            port = try PlatformSocket.boundPort(first)
            for _ in 1..<max(1, configuration.ioThreads) {
                fds.append(try PlatformSocket.listen(host: configuration.host, port: port))
            }
        } catch {
            fds.forEach { close($0) }
            throw error
        }
        return fds
    }
}
