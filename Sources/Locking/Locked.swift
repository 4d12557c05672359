import Foundation

/// A value guarded by a lock: the one lock type of the server, for state shared between threads.
///
/// A pthread mutex (through `NSLock`) rather than `Synchronization.Mutex`: the thread sanitizer,
/// which CI runs, sees a pthread mutex's hand-over, but not `Mutex`'s contended path (a futex
/// wait inside a library built without the sanitizer), and reported every contended
/// `Mutex.withLock` as a data race. `@unchecked Sendable` is safe because `value` is only reached
/// through `withLock`, which holds `lock` for the whole access.
public final class Locked<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var value: Value

    public init(_ value: Value) {
        self.value = value
    }

    public func withLock<T>(_ body: (inout Value) throws -> T) rethrows -> T {
        lock.lock()
        defer { lock.unlock() }
        return try body(&value)
    }
}
