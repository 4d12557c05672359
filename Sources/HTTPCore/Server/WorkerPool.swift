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
    private var running = 0
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
        defer { condition.unlock() }
        guard !stopping, jobs.count - head < maxQueued else { return false }
        jobs.append(job)
        condition.signal()
        return true
    }

    /// Jobs queued or running.
    var load: Int {
        condition.lock()
        defer { condition.unlock() }
        return jobs.count - head + running
    }

    /// Runs what is queued, then stops the threads.
    func shutdown() {
        condition.lock()
        stopping = true
        condition.broadcast()
        condition.unlock()
    }

    private func work() {
        while let job = next() {
            job()
            condition.lock()
            running -= 1
            condition.unlock()
        }
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
        running += 1
        return job
    }
}
