import Foundation
import Synchronization

/// A fixed set of threads running handler jobs from a bounded queue.
///
/// Bounded so that a burst is refused (the server answers 503) instead of queued without
/// limit: memory and latency stay predictable under overload.
final class WorkerPool: @unchecked Sendable {
    // @unchecked: every mutable field is guarded by `condition`.
    private let condition = NSCondition()
    private var jobs: [@Sendable () -> Void] = []
    private var head = 0
    private var stopping = false
    private let maxQueued: Int
    /// A worker that found the queue empty polls it briefly before sleeping (at most one at a
    /// time); while it does, new jobs need no wake-up.
    private var spinning = false
    /// Jobs queued while a worker was polling, which therefore woke nobody.
    private var unsignalled = 0
    /// Jobs queued, readable without the lock by the polling worker.
    private let queued = Atomic<Int>(0)
    /// Polls (each a `sched_yield`) before the polling worker sleeps.
    private static let polls = 64

    init(threadCount: Int, maxQueued: Int) {
        self.maxQueued = maxQueued
        for index in 0..<max(1, threadCount) {
            // Each thread keeps the pool alive until it has stopped: a thread scheduled late can
            // start after the server let go of the pool (an `unowned` capture crashed there).
            let thread = Thread { [self] in self.work() }
            thread.name = "wastesort-worker-\(index)"
            thread.stackSize = 1 << 20
            thread.start()
        }
    }

    /// Queues a job; false when the queue is full or the pool is stopping.
    func submit(_ job: @escaping @Sendable () -> Void) -> Bool {
        condition.lock()
        guard !stopping, jobs.count - head < maxQueued else {
            condition.unlock()
            return false
        }
        jobs.append(job)
        queued.add(1, ordering: .relaxed)
        let wake = !spinning
        if !wake { unsignalled += 1 }
        condition.unlock()
        // Signalled after unlocking: a worker woken while the lock is still held would only
        // wake up to wait for it (the event loops and 32 workers share this lock).
        if wake { condition.signal() }
        return true
    }

    /// Runs what is queued, then stops the threads.
    func shutdown() {
        condition.lock()
        stopping = true
        condition.broadcast()
        condition.unlock()
    }

    private func work() {
        while let job = next() { job() }
    }

    private func next() -> (@Sendable () -> Void)? {
        condition.lock()
        if head == jobs.count && !stopping && !spinning {
            poll()
        }
        defer { condition.unlock() }
        while head == jobs.count {
            if stopping { return nil }
            condition.wait()
        }
        queued.add(-1, ordering: .relaxed)
        let job = jobs[head]
        head += 1
        // Jobs submitted while a worker was polling woke nobody: each taker passes one wake on.
        if head == jobs.count {
            unsignalled = 0
        } else if unsignalled > 0 {
            unsignalled -= 1
            condition.signal()
        }
        if head > 1024 && head * 2 > jobs.count {
            jobs.removeFirst(head)
            head = 0
        }
        return job
    }

    /// Called and returns with the lock held: releases it while polling the queue, so that a
    /// job submitted right after this worker's last one is taken without a thread wake-up.
    private func poll() {
        spinning = true
        condition.unlock()
        for _ in 0..<Self.polls where queued.load(ordering: .relaxed) == 0 {
            sched_yield()
        }
        condition.lock()
        spinning = false
    }
}
