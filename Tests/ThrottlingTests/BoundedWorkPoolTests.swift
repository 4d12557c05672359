import Foundation
import Locking
import Testing
@testable import Throttling

@Suite("Bounded work pool")
struct BoundedWorkPoolTests {
    @Test("Runs jobs and returns their results")
    func results() {
        let pool = BoundedWorkPool(threads: 2, queueLimit: 4)
        defer { pool.shutdown() }
        #expect(pool.run { 6 * 7 } == 42)
    }

    @Test("Past threads + queue, a job is refused at once; after the backlog drains it is accepted")
    func refusesPastTheBound() throws {
        let pool = BoundedWorkPool(threads: 1, queueLimit: 1)
        defer { pool.shutdown() }
        let release = Locked(false)
        let started = Locked(0)
        let blocking: @Sendable () -> Bool = {
            started.withLock { $0 += 1 }
            while !release.withLock({ $0 }) { usleep(1000) }
            return true
        }
        let results = Locked<[Bool?]>([])
        let group = DispatchGroup()
        for _ in 0..<2 {
            DispatchQueue.global().async(group: group) {
                let value = pool.run(blocking)
                results.withLock { $0.append(value) }
            }
        }
        // Wait (with a deadline) until both jobs are in the pool: one running, one queued.
        let deadline = Date().addingTimeInterval(10)
        while pool.load < 2 && Date() < deadline { usleep(1000) }
        #expect(pool.load == 2)
        #expect(pool.run { true } == nil)  // refused, not queued
        release.withLock { $0 = true }
        group.wait()
        #expect(results.withLock { $0 } == [true, true])
        while pool.load > 0 && Date() < deadline { usleep(1000) }
        #expect(pool.run { true } == true)
    }

    @Test("Many callers at once all get their own result")
    func concurrentCallers() {
        let pool = BoundedWorkPool(threads: 2, queueLimit: 64)
        defer { pool.shutdown() }
        let sums = Locked(0)
        DispatchQueue.concurrentPerform(iterations: 32) { index in
            if let value = pool.run({ index * 2 }) { sums.withLock { $0 += value } }
        }
        #expect(sums.withLock { $0 } == (0..<32).reduce(0) { $0 + $1 * 2 })
    }
}
