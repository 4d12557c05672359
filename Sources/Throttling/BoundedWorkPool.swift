import Foundation
import Glibc
import Locking

/// A few threads that run expensive jobs (password checks) from a short queue, and refuse
/// work past it instead of letting it pile up.
///
/// The caller waits for its job's result; at most `threads + queueLimit` callers wait at any
/// time, so a flood of expensive requests holds a bounded number of the server's handler
/// threads and a bounded share of the CPU, and everything past the bound is answered at once
/// (`run` returns nil: the API turns that into 429 with `Retry-After`). The threads run at a
/// lower scheduling priority (`nice`), so cheap requests on the other threads win the CPU.
public final class BoundedWorkPool: Sendable {
    private struct State {
        var jobs: [@Sendable () -> Void] = []
        var waiting = 0  // queued or running
        var stopping = false
    }

    public let threadCount: Int
    public let queueLimit: Int
    private let state = Locked(State())
    private let wakeUps: DispatchSemaphore

    /// - Parameters:
    ///   - threads: worker threads (at least 1).
    ///   - queueLimit: jobs that may wait for a thread beyond those running.
    ///   - niceness: added to the threads' scheduling niceness (Linux; 0 leaves it).
    public init(threads: Int, queueLimit: Int, niceness: Int32 = 5, name: String = "wastesort-pool") {
        threadCount = max(1, threads)
        self.queueLimit = max(0, queueLimit)
        wakeUps = DispatchSemaphore(value: 0)
        for number in 0..<threadCount {
            let thread = Thread { [self] in
                // On Linux the nice value is per thread, and 0 names the calling one (setpriority(2)).
                if niceness != 0 { _ = setpriority(__priority_which_t(PRIO_PROCESS.rawValue), 0, niceness) }
                work()
            }
            thread.name = "\(name)-\(number)"
            thread.start()
        }
    }

    /// Jobs queued or running now.
    public var load: Int { state.withLock { $0.waiting } }

    /// Runs `job` on a pool thread and returns its result; nil at once when the pool already
    /// has `threads + queueLimit` jobs (or is stopping).
    public func run<T: Sendable>(_ job: @escaping @Sendable () -> T) -> T? {
        let result = Locked<T?>(nil)
        let done = DispatchSemaphore(value: 0)
        let accepted = state.withLock { state -> Bool in
            guard !state.stopping, state.waiting < threadCount + queueLimit else { return false }
            state.waiting += 1
            state.jobs.append {
                let value = job()
                result.withLock { $0 = value }
                done.signal()
            }
            return true
        }
        guard accepted else { return nil }
        wakeUps.signal()
        done.wait()
        return result.withLock { $0 }
    }

    /// Lets the threads finish what is queued, then stop.
    public func shutdown() {
        state.withLock { $0.stopping = true }
        for _ in 0..<threadCount { wakeUps.signal() }
    }

    private func work() {
        while true {
            wakeUps.wait()
            let next = state.withLock { state -> (@Sendable () -> Void)?? in
                if state.jobs.isEmpty { return state.stopping ? .some(nil) : nil }
                return .some(state.jobs.removeFirst())
            }
            switch next {
            case .none: continue  // a wake-up for a job another thread took
            case .some(nil): return
            case .some(let job?):
                job()
                state.withLock { $0.waiting -= 1 }
            }
        }
    }
}
