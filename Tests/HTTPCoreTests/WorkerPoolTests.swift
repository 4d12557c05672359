import Foundation
import Synchronization
import Testing
@testable import HTTPCore

/// The handler pool: every accepted job runs, whatever the timing of submissions against a
/// worker polling the queue before it sleeps, and a full queue refuses instead of growing.
@Suite struct WorkerPoolTests {
    final class Counter: Sendable {
        let value = Atomic<Int>(0)
        func add() { value.add(1, ordering: .relaxed) }
        var count: Int { value.load(ordering: .relaxed) }
    }

    final class Flag: Sendable {
        let value = Atomic<Bool>(false)
        func set() { value.store(true, ordering: .relaxed) }
        var isSet: Bool { value.load(ordering: .relaxed) }
    }

    /// Waits until `done` reaches `expected` or ten seconds pass; returns the final count.
    private func wait(for expected: Int, _ done: Counter) -> Int {
        let deadline = Date().addingTimeInterval(10)
        while done.count < expected && Date() < deadline { usleep(1_000) }
        return done.count
    }

    @Test func everyJobRunsWhenSubmittedInBurstsAndTrickles() {
        let pool = WorkerPool(threadCount: 4, maxQueued: 100_000)
        defer { pool.shutdown() }
        let done = Counter()
        var accepted = 0
        for round in 0..<200 {
            // bursts (several queued at once while one worker polls) and single jobs after a pause
            for _ in 0..<(round % 3 == 0 ? 16 : 1) {
                if pool.submit({ done.add() }) { accepted += 1 }
            }
            if round % 7 == 0 { usleep(200) }
        }
        #expect(accepted == 200 / 3 * 16 + 16 + (200 - 200 / 3 - 1))
        #expect(wait(for: accepted, done) == accepted)
    }

    @Test func blockedWorkersDoNotStrandQueuedJobs() {
        // Two workers, the first job blocks one of them: the rest must still all run on the other.
        let pool = WorkerPool(threadCount: 2, maxQueued: 1_000)
        defer { pool.shutdown() }
        let release = Flag()
        let done = Counter()
        #expect(pool.submit {
            while !release.isSet { usleep(1_000) }
            done.add()
        })
        for _ in 0..<50 {
            #expect(pool.submit { done.add() })
            usleep(50)
        }
        #expect(wait(for: 50, done) == 50)
        release.set()
        #expect(wait(for: 51, done) == 51)
    }

    @Test func aFullQueueRefusesTheJob() {
        let pool = WorkerPool(threadCount: 1, maxQueued: 2)
        defer { pool.shutdown() }
        let release = Flag()
        let started = Flag()
        #expect(pool.submit {
            started.set()
            while !release.isSet { usleep(1_000) }
        })
        let deadline = Date().addingTimeInterval(10)
        while !started.isSet && Date() < deadline { usleep(1_000) }
        #expect(pool.submit {})
        #expect(pool.submit {})
        #expect(!pool.submit {})
        release.set()
    }
}
