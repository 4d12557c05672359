import Foundation
import Locking

/// Whether writes currently reach the disk, as the writer last saw it, and how many operations
/// each kind of storage fault has failed since start (`/readyz` and `/metrics` report both).
///
/// The condition is set by a write that failed with a ``StorageFault`` and cleared by the next
/// commit that succeeds, so the server recovers by itself once space is back; ``DatabasePool/
/// recheckStorage()`` makes such a commit when no client writes.
public final class StorageHealth: Sendable {
    public struct Snapshot: Sendable {
        /// The fault writes are failing with now; nil while they commit.
        public var current: StorageFault?
        /// When `current` began.
        public var since: Date?
        /// Operations (write jobs, reads) failed by each kind of fault since start.
        public var failures: [StorageFault.Kind: Int] = [:]
    }

    private let state = Locked(Snapshot())
    private let observer = Locked<(@Sendable (StorageFault?) -> Void)?>(nil)
    private let lastProbe = Locked<Date?>(nil)

    init() {}

    public var snapshot: Snapshot { state.withLock { $0 } }

    /// Calls `body` (on the writer thread) each time the condition changes: with the new fault,
    /// or nil when writes commit again. The server logs one line per change.
    public func observe(_ body: @escaping @Sendable (StorageFault?) -> Void) {
        observer.withLock { $0 = body }
    }

    /// `operations` failed with `fault`; `write`: they were writes, so the condition is set.
    func failed(_ fault: StorageFault, operations: Int, write: Bool) {
        let changed = state.withLock { snapshot -> Bool in
            snapshot.failures[fault.kind, default: 0] += operations
            guard write, snapshot.current?.kind != fault.kind else { return false }
            snapshot.current = fault
            snapshot.since = Date()
            return true
        }
        if changed { notify(fault) }
    }

    /// Free bytes a full disk must have again before its condition is over: a small write can
    /// commit into space the WAL already holds while a ledger batch still cannot, and `/readyz`
    /// should not flip to ready for the small one.
    static let freeBytesToClearFull: Int64 = 1 << 20

    /// A write transaction committed: the condition, if any, is over (a full disk only once
    /// `freeBytes()`, the space left on the database's file system, is back above 1 MiB).
    func committed(freeBytes: () -> Int64?) {
        let kind = state.withLock { $0.current?.kind }
        if kind == .full, let free = freeBytes(), free < Self.freeBytesToClearFull { return }
        let changed = state.withLock { snapshot -> Bool in
            guard snapshot.current != nil else { return false }
            snapshot.current = nil
            snapshot.since = nil
            return true
        }
        if changed { notify(nil) }
    }

    /// True at most once per `interval` while a fault is current: time for a probe write.
    func probeDue(interval: TimeInterval) -> Bool {
        guard state.withLock({ $0.current != nil }) else { return false }
        return lastProbe.withLock { last in
            let now = Date()
            if let last, now.timeIntervalSince(last) < interval { return false }
            last = now
            return true
        }
    }

    private func notify(_ fault: StorageFault?) {
        let body = observer.withLock { $0 }
        body?(fault)
    }
}
