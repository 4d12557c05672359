import Dispatch
import Locking

/// Runs two independent jobs at once — one on the calling thread, one on a Dispatch thread —
/// and returns both results, or the first job's error, then the second's. For CPU-bound work
/// that splits in two (a ranking and the previous period's), on a machine with cores to spare.
func concurrently<A: Sendable, B: Sendable>(_ first: @Sendable () throws -> A,
                                            _ second: @Sendable () throws -> B) throws -> (A, B) {
    let firstResult = Locked<Result<A, any Error>?>(nil)
    let secondResult = Locked<Result<B, any Error>?>(nil)
    DispatchQueue.concurrentPerform(iterations: 2) { index in
        if index == 0 {
            let result = Result { try first() }
            firstResult.withLock { $0 = result }
        } else {
            let result = Result { try second() }
            secondResult.withLock { $0 = result }
        }
    }
    // concurrentPerform returns once both iterations have: both results are set.
    guard let a = firstResult.withLock({ $0 }), let b = secondResult.withLock({ $0 }) else {
        preconditionFailure("concurrentPerform returned before both jobs ran")
    }
    return (try a.get(), try b.get())
}
