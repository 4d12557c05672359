/// When a failed delivery is tried again: 30 s after the first failure, then twice as long
/// each time (1 min, 2 min, … capped at 4 h between attempts), for up to 24 h after the
/// delivery was first due; after that it is `failed` and waits for an admin's retry.
public struct RetrySchedule: Sendable, Equatable {
    public var firstDelaySeconds: Int64 = 30
    public var maxDelaySeconds: Int64 = 4 * 3600
    public var windowSeconds: Int64 = 24 * 3600

    public init() {}

    /// The wait after the `attempt`-th failed attempt (1-based).
    public func delay(afterAttempt attempt: Int) -> Int64 {
        let doublings = min(max(attempt - 1, 0), 30)
        return min(firstDelaySeconds << Int64(doublings), maxDelaySeconds)
    }

    /// When to try again after the `attempt`-th failure at `now` (unix seconds), or nil when the
    /// next attempt would fall outside the window that started at `windowStart`: give up.
    public func nextAttempt(afterAttempt attempt: Int, now: Int64, windowStart: Int64) -> Int64? {
        let next = now + delay(afterAttempt: attempt)
        return next <= windowStart + windowSeconds ? next : nil
    }
}
