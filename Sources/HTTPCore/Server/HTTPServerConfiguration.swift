import Foundation

/// Everything the server needs to start: address, limits, threads, TLS.
public struct HTTPServerConfiguration: Sendable {
    public var host = "127.0.0.1"
    public var port = 8080
    public var limits = HTTPLimits()
    /// Event loops (one thread and one listening socket each); default one per core.
    public var ioThreads = ProcessInfo.processInfo.activeProcessorCount
    /// Threads running handlers (they block on SQLite, so more than the cores).
    public var workerThreads = 32
    /// Requests waiting for a worker beyond which new ones are answered 503.
    public var maxQueuedRequests = 1024
    /// Open connections beyond which new ones are closed at once.
    public var maxConnections = 20_000
    /// Time in-flight requests get to finish on shutdown, in seconds.
    public var shutdownGracePeriod: Double = 8
    public var tls: TLSContext?

    public init() {}
}
