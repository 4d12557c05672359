import Foundation

/// A value guarded by a lock.
///
/// `@unchecked Sendable` is safe because `value` is only reached through `withLock`, which holds
/// `lock` for the whole access. (NSLock rather than `Synchronization.Mutex`, which needs macOS 15.)
final class Locked<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var value: Value

    init(_ value: Value) {
        self.value = value
    }

    func withLock<T>(_ body: (inout Value) throws -> T) rethrows -> T {
        lock.lock()
        defer { lock.unlock() }
        return try body(&value)
    }
}
