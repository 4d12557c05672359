import Foundation

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
        condition.unlock()
        // Signalled after unlocking: a worker woken while the lock is still held would only
        // wake up to wait for it (the event loops and 32 workers share this lock).
        condition.signal()
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
        defer { condition.unlock() }
        while head == jobs.count {
            if stopping { return nil }
            condition.wait()
        }
        let job = jobs[head]
        head += 1
        if head > 1024 && head * 2 > jobs.count {
            jobs.removeFirst(head)
            head = 0
        }
        return job
    }
}
