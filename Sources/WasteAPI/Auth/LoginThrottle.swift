import Locking
import Throttling
import WasteDomain

/// Refuses repeated failed logins (docs/API.md, Logins), counted per (username, client address) and per
/// client address, never per username alone.
///
/// - From the fifth failure for one username from one client within 15 minutes, that pair is
///   locked for a minute, doubling with each further failure up to 15 minutes. The same
///   username from another client is not affected: an attacker on address A cannot keep the
///   admin on address B out (issue 13, F1).
/// - From the 31st failure from one client within 15 minutes, whatever the usernames, the client
///   is locked the same way: spraying one password over many usernames is throttled too.
///
/// The lock is checked before the password (otherwise the right guess would get through a lock
/// and the lock would not slow guessing at all); see docs/DECISIONS.md "Login throttling".
/// A success clears its pair's record but not the client's, so a valid account cannot be used
/// to reset a spraying client's count.
///
/// Memory is bounded: each table keeps the 50,000 most recently touched records and forgets the
/// least recently used first, never everything at once. Kept in memory: a restart forgives; an
/// admin's `wastesort user unlock` is seen through ``AccountUnlocks``.
final class LoginThrottle: Sendable {
    struct Record: Sendable, Equatable {
        var failures = 0
        var firstFailure: Int64 = 0
        var lockedUntil: Int64 = 0
    }

    struct PairKey: Hashable, Sendable {
        let username: String  // lowercased: usernames ignore letter case
        let client: String
    }

    static let pairFreeFailures = 4
    static let clientFreeFailures = 30
    static let window: Int64 = 15 * 60
    static let defaultCapacity = 50_000

    private let pairs: Locked<RecencyMap<PairKey, Record>>
    private let clients: Locked<RecencyMap<String, Record>>
    private let clock: AppClock

    init(clock: AppClock, capacity: Int = LoginThrottle.defaultCapacity) {
        self.clock = clock
        pairs = Locked(RecencyMap(capacity: capacity))
        clients = Locked(RecencyMap(capacity: capacity))
    }

    /// A lock in force: how long it lasts, and when its record began (an unlock recorded after
    /// that moment lifts it).
    struct Lock: Equatable {
        let retryAfter: Int
        let since: Int64
        /// True when the client as a whole is locked (not only this username from it).
        let wholeClient: Bool
    }

    /// The lock that refuses this try, or nil when a try is allowed.
    func lock(username: String, client: String) -> Lock? {
        let now = clock.now().secondsSinceEpoch
        let key = PairKey(username: username.lowercased(), client: client)
        if let record = clients.withLock({ $0.peek(client) }), record.lockedUntil > now {
            return Lock(retryAfter: Int(record.lockedUntil - now), since: record.firstFailure, wholeClient: true)
        }
        if let record = pairs.withLock({ $0.peek(key) }), record.lockedUntil > now {
            return Lock(retryAfter: Int(record.lockedUntil - now), since: record.firstFailure, wholeClient: false)
        }
        return nil
    }

    /// Counts a failure for the pair and for the client.
    func recordFailure(username: String, client: String) {
        let now = clock.now().secondsSinceEpoch
        let key = PairKey(username: username.lowercased(), client: client)
        pairs.withLock { map in
            map.set(Self.counting(map.value(for: key), now: now, free: Self.pairFreeFailures), for: key)
        }
        clients.withLock { map in
            map.set(Self.counting(map.value(for: client), now: now, free: Self.clientFreeFailures), for: client)
        }
    }

    func recordSuccess(username: String, client: String) {
        _ = pairs.withLock { $0.remove(PairKey(username: username.lowercased(), client: client)) }
    }

    /// Lifts every lock on the username, from every client (`wastesort user unlock`).
    func unlock(username: String) {
        let name = username.lowercased()
        pairs.withLock { $0.removeAll { $0.username == name } }
    }

    /// Records kept now (pairs, clients), for tests and reports.
    var counts: (pairs: Int, clients: Int) {
        (pairs.withLock { $0.count }, clients.withLock { $0.count })
    }

    private static func counting(_ previous: Record?, now: Int64, free: Int) -> Record {
        var record = previous ?? Record()
        if now - record.firstFailure > window {
            record = Record(failures: 0, firstFailure: now, lockedUntil: 0)
        }
        record.failures += 1
        if record.failures > free {
            let doublings = min(record.failures - free - 1, 4)
            record.lockedUntil = now + min(60 << doublings, window)
        }
        return record
    }
}
