import Foundation
import WasteDomain
import Locking

/// Slows down and then refuses repeated failed logins for a username (docs/API.md, Roles).
///
/// Each failure adds a short delay; from the fifth failure within 15 minutes the username
/// is locked for a minute, doubling with each further failure up to 15 minutes. A
/// successful login clears the record. Kept in memory: a restart forgives, which is fine.
final class LoginThrottle: Sendable {
    struct Record {
        var failures = 0
        var firstFailure: Int64 = 0
        var lockedUntil: Int64 = 0
    }

    static let freeFailures = 4
    static let window: Int64 = 15 * 60
    private let records = Locked<[String: Record]>([:])
    private let clock: AppClock

    init(clock: AppClock) {
        self.clock = clock
    }

    /// Seconds the caller must wait before trying again, or nil when a try is allowed.
    func retryAfter(username: String) -> Int? {
        let now = clock.now().secondsSinceEpoch
        return records.withLock { records in
            guard let record = records[username.lowercased()], record.lockedUntil > now else { return nil }
            return Int(record.lockedUntil - now)
        }
    }

    /// Records a failure; returns the delay (seconds) to apply before answering.
    func recordFailure(username: String) -> Double {
        let now = clock.now().secondsSinceEpoch
        return records.withLock { records in
            var record = records[username.lowercased()] ?? Record()
            if now - record.firstFailure > Self.window {
                record = Record(failures: 0, firstFailure: now, lockedUntil: 0)
            }
            record.failures += 1
            if record.failures > Self.freeFailures {
                let extra = min(record.failures - Self.freeFailures - 1, 4)
                record.lockedUntil = now + min(60 << extra, Self.window)
            }
            records[username.lowercased()] = record
            if records.count > 100_000 { records.removeAll() }  // bounded memory under a username flood
            return min(Double(record.failures) * 0.1, 1.0)
        }
    }

    func recordSuccess(username: String) {
        _ = records.withLock { $0.removeValue(forKey: username.lowercased()) }
    }
}
