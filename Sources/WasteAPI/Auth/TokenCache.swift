import Glibc
import Synchronization

/// Resolved tokens by hash, behind a readers-writer lock: every authenticated request looks
/// here from one of many worker threads, mostly for the same few tokens (a dashboard's), and
/// with a plain mutex the wait for a holder that had been preempted took 15 % of a small GET.
final class TokenCache: @unchecked Sendable {
    // @unchecked: `entries` is only touched while `lock` is held (shared to read, exclusive to write).
    typealias Entry = (principal: Principal, until: Int64)

    private let lock = UnsafeMutablePointer<pthread_rwlock_t>.allocate(capacity: 1)
    private var entries: [String: Entry] = [:]
    private let clears = Atomic<Int>(0)

    init() {
        lock.initialize(to: pthread_rwlock_t())
        pthread_rwlock_init(lock, nil)
    }

    deinit {
        pthread_rwlock_destroy(lock)
        lock.deallocate()
    }

    /// Read before looking a token up in the database, and given back to ``remember``: a lookup
    /// that raced with a revocation is then never remembered after the cache was cleared.
    var epoch: Int { clears.load(ordering: .sequentiallyConsistent) }

    subscript(hash: String) -> Entry? {
        pthread_rwlock_rdlock(lock)
        defer { pthread_rwlock_unlock(lock) }
        return entries[hash]
    }

    func remember(_ hash: String, principal: Principal, until: Int64, readAt epoch: Int) {
        pthread_rwlock_wrlock(lock)
        defer { pthread_rwlock_unlock(lock) }
        guard clears.load(ordering: .sequentiallyConsistent) == epoch else { return }
        if entries.count > 10_000 { entries.removeAll() }
        entries[hash] = (principal, until)
    }

    func removeAll() {
        pthread_rwlock_wrlock(lock)
        defer { pthread_rwlock_unlock(lock) }
        clears.add(1, ordering: .sequentiallyConsistent)
        entries.removeAll()
    }
}
