import Foundation
import Glibc

/// How many client connections the open-file limit leaves room for.
///
/// Every connection is a descriptor, and so are the database's files, the log, each event loop's
/// epoll instance, eventfd, listener and reserve descriptor. A `--max-connections` above what the
/// limit allows lets a crowd of idle clients exhaust the process's descriptors: then `accept` fails
/// with EMFILE and SQLite cannot open a file (docs/RELIABILITY.md, "file descriptors").
public struct DescriptorBudget: Sendable, Equatable {
    /// The soft `RLIMIT_NOFILE` (after raising it to the hard limit).
    public let softLimit: Int
    /// Descriptors open when the server starts (database, log, standard streams).
    public let openAtStart: Int

    /// epoll, eventfd, listener and the reserve descriptor of each event loop.
    static let perLoop = 4
    /// Room for descriptors opened later: SQLite's temporary files and lazily opened WAL handles,
    /// a backup's destination, TLS files, a few in flight while connections close.
    static let headroom = 32

    public init(softLimit: Int, openAtStart: Int) {
        self.softLimit = softLimit
        self.openAtStart = openAtStart
    }

    /// Descriptors not available to connections.
    public func reserved(ioThreads: Int) -> Int {
        openAtStart + Self.perLoop * max(1, ioThreads) + Self.headroom
    }

    /// The most connections that fit (at least 1).
    public func connectionsAllowed(ioThreads: Int) -> Int {
        max(1, softLimit - reserved(ioThreads: ioThreads))
    }

    /// Raises the soft limit to the hard one and counts the descriptors open now.
    static func measure() -> DescriptorBudget {
        let limit = PlatformSocket.raiseOpenFileLimit()
        // The directory listing holds one descriptor of its own while it is read.
        let open = ((try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd"))?.count).map { $0 - 1 }
        return DescriptorBudget(softLimit: limit, openAtStart: max(0, open ?? 16))
    }

    /// `configured` capped to what fits, and the one-line warning when it had to be lowered.
    func cap(_ configured: Int, ioThreads: Int) -> (maxConnections: Int, warning: String?) {
        let allowed = connectionsAllowed(ioThreads: ioThreads)
        guard configured > allowed else { return (configured, nil) }
        let warning = "warning: --max-connections \(configured) lowered to \(allowed): the open-file limit (ulimit -n) is "
            + "\(softLimit) and \(reserved(ioThreads: ioThreads)) descriptors are kept for the database, the log and the event loops"
        return (allowed, warning)
    }
}
