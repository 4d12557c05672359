import Locking
import Foundation
import Testing
@testable import Storage

private struct Boom: Error {}

/// Runs `body` on a new thread; the returned group is done when it returns.
private func onThread(_ body: @escaping @Sendable () -> Void) -> DispatchGroup {
    let group = DispatchGroup()
    group.enter()
    Thread {
        body()
        group.leave()
    }.start()
    return group
}

/// Collects errors from many threads.
private final class ErrorLog: @unchecked Sendable {
    // Guarded by `lock`.
    private let lock = NSLock()
    private var errors: [String] = []

    func add(_ error: Error) {
        lock.lock()
        errors.append(String(describing: error))
        lock.unlock()
    }

    var all: [String] {
        lock.lock()
        defer { lock.unlock() }
        return errors
    }
}

@Suite struct DatabasePoolTests {
    let directory: TemporaryDirectory
    let pool: DatabasePool

    init() throws {
        directory = try TemporaryDirectory()
        pool = try DatabasePool(path: directory.path("pool.sqlite"))
        try pool.writeAlone { db in
            try db.execute("CREATE TABLE t(id INTEGER PRIMARY KEY, thread INTEGER, n INTEGER, UNIQUE(thread, n))")
        }
    }

    private func count() throws -> Int {
        try pool.read { try $0.scalar("SELECT count(*) FROM t", as: Int.self) } ?? -1
    }

    private func waitForPendingWrites(_ expected: Int) {
        let deadline = Date().addingTimeInterval(10)
        while pool.pendingWriteCount < expected && Date() < deadline { usleep(1000) }
    }

    @Test func writeReturnsTheBodyResultAfterCommit() throws {
        let id = try pool.write { db in
            try db.execute("INSERT INTO t(thread, n) VALUES (0, 1)")
            return db.lastInsertRowID
        }
        #expect(id == 1)
        #expect(try count() == 1)
    }

    @Test func fileIsInWALModeWithForeignKeysOn() throws {
        let (journal, foreignKeys) = try pool.read { db in
            (try db.scalar("PRAGMA journal_mode"), try db.scalar("PRAGMA foreign_keys", as: Bool.self))
        }
        #expect(journal == .text("wal"))
        #expect(foreignKeys == true)
        let synchronous = try pool.write { try $0.scalar("PRAGMA synchronous", as: Int.self) }
        #expect(synchronous == 2)  // FULL
        // Readers read through a memory map; the writer does not map the file.
        #expect(try pool.read { try $0.scalar("PRAGMA mmap_size", as: Int64.self) } == 1 << 30)
        #expect(try pool.write { try $0.scalar("PRAGMA mmap_size", as: Int64.self) } == 0)
    }

    @Test func readersRunConcurrentlyWithWritesAndSeeOnlyCommittedData() throws {
        let inserted = DispatchSemaphore(value: 0)
        let proceed = DispatchSemaphore(value: 0)
        let writer = onThread { [pool] in
            _ = try? pool.write { db in
                try db.execute("INSERT INTO t(thread, n) VALUES (1, 1)")
                inserted.signal()
                proceed.wait()
            }
        }
        inserted.wait()
        // The write transaction is open and holds the row: a reader must not wait for it or see it.
        #expect(try count() == 0)
        proceed.signal()
        writer.wait()
        #expect(try count() == 1)
    }

    @Test func readersCannotWrite() {
        let error = #expect(throws: DatabaseError.self) {
            try pool.read { try $0.execute("INSERT INTO t(thread, n) VALUES (0, 0)") }
        }
        #expect(error?.resultCode == 8)  // SQLITE_READONLY
    }

    @Test func sixtyFourThreadsTimesFiftyWritesAllLand() throws {
        let errors = ErrorLog()
        let groups = (0..<64).map { thread in
            onThread { [pool] in
                for n in 0..<50 {
                    do {
                        try pool.write { try $0.execute("INSERT INTO t(thread, n) VALUES (?, ?)", [thread, n]) }
                    } catch {
                        errors.add(error)
                    }
                }
            }
        }
        groups.forEach { $0.wait() }
        #expect(errors.all.isEmpty)
        #expect(try count() == 64 * 50)
        let metrics = pool.metrics
        #expect(metrics.writes.count >= 64 * 50)
        #expect(metrics.largestGroup > 1)
        #expect(metrics.commits.count < metrics.writes.count)
    }

    @Test func throwingJobInAGroupDoesNotUndoTheOthers() throws {
        // Hold the writer so the next ten jobs queue up and run as one group.
        let holding = DispatchSemaphore(value: 0)
        let release = DispatchSemaphore(value: 0)
        let blocker = onThread { [pool] in
            _ = try? pool.writeAlone { _ in
                holding.signal()
                release.wait()
            }
        }
        holding.wait()
        let errors = ErrorLog()
        let jobs = (0..<10).map { n in
            onThread { [pool] in
                do {
                    try pool.write { db in
                        try db.execute("INSERT INTO t(thread, n) VALUES (2, ?)", [n])
                        if n == 5 { throw Boom() }
                    }
                } catch {
                    errors.add(error)
                }
            }
        }
        waitForPendingWrites(10)
        release.signal()
        blocker.wait()
        jobs.forEach { $0.wait() }
        #expect(errors.all.count == 1)
        let numbers = try pool.read { db in
            try db.query("SELECT n FROM t WHERE thread = 2 ORDER BY n").map { try $0.int("n") }
        }
        #expect(numbers == [0, 1, 2, 3, 4, 6, 7, 8, 9])
        #expect(pool.metrics.largestGroup == 10)
    }

    @Test func jobThatEndsTheGroupTransactionFailsTheEarlierJobsOnly() throws {
        let holding = DispatchSemaphore(value: 0)
        let release = DispatchSemaphore(value: 0)
        let blocker = onThread { [pool] in
            _ = try? pool.writeAlone { _ in
                holding.signal()
                release.wait()
            }
        }
        holding.wait()
        let outcomes = Locked([Int: Bool]())
        // Queue the jobs one by one so their order in the group is known.
        let jobs = (0..<5).map { n -> DispatchGroup in
            let group = onThread { [pool] in
                do {
                    try pool.write { (db: Connection) throws -> Void in
                        try db.execute("INSERT INTO t(thread, n) VALUES (7, ?)", [n])
                        if n == 2 { try db.execute("ROLLBACK") }
                    }
                    outcomes.withLock { $0[n] = true }
                } catch {
                    outcomes.withLock { $0[n] = false }
                }
            }
            waitForPendingWrites(n + 1)
            return group
        }
        release.signal()
        blocker.wait()
        jobs.forEach { $0.wait() }
        #expect(outcomes.withLock { $0 } == [0: false, 1: false, 2: false, 3: true, 4: true])
        let numbers = try pool.read { db in
            try db.query("SELECT n FROM t WHERE thread = 7 ORDER BY n").map { try $0.int("n") }
        }
        #expect(numbers == [3, 4])
    }

    @Test func constraintErrorReachesTheCallerOfWrite() throws {
        try pool.write { try $0.execute("INSERT INTO t(thread, n) VALUES (3, 1)") }
        let error = #expect(throws: DatabaseError.self) {
            try pool.write { try $0.execute("INSERT INTO t(thread, n) VALUES (3, 1)") }
        }
        #expect(error?.uniqueColumns == ["thread", "n"])
        #expect(try count() == 1)
    }

    @Test func writeAloneRollsBackEverythingWhenItThrows() throws {
        #expect(throws: Boom.self) {
            try pool.writeAlone { db in
                for n in 0..<100 { try db.execute("INSERT INTO t(thread, n) VALUES (4, ?)", [n]) }
                throw Boom()
            }
        }
        #expect(try count() == 0)
    }

    @Test func asyncWriteAndReadWork() async throws {
        let id = try await pool.write { db in
            try db.execute("INSERT INTO t(thread, n) VALUES (5, 1)")
            return db.lastInsertRowID
        }
        let found = try await pool.read { db in
            try db.scalar("SELECT n FROM t WHERE id = ?", [id], as: Int.self)
        }
        #expect(found == 1)
    }

    @Test func closeFinishesQueuedWritesThenRefusesNewOnes() throws {
        let groups = (0..<8).map { n in
            onThread { [pool] in
                _ = try? pool.write { try $0.execute("INSERT INTO t(thread, n) VALUES (6, ?)", [n]) }
            }
        }
        groups.forEach { $0.wait() }
        pool.close()
        #expect(throws: DatabaseError.self) { try pool.write { _ in } }
        #expect(throws: DatabaseError.self) { try pool.read { _ in } }
        let reopened = try Connection(path: directory.path("pool.sqlite"))
        #expect(try reopened.scalar("SELECT count(*) FROM t", as: Int.self) == 8)
    }

    @Test func metricsCountReadsAndWrites() throws {
        let before = pool.metrics
        try pool.write { _ in }
        _ = try count()
        let after = pool.metrics
        #expect(after.writes.count == before.writes.count + 1)
        #expect(after.reads.count == before.reads.count + 1)
        #expect(after.reads.bucketCounts.reduce(0, +) == after.reads.count)
    }
}

@Test func openingInAMissingDirectoryFailsWithAClearMessage() throws {
    let directory = try TemporaryDirectory()
    let path = directory.path("no/such/dir/db.sqlite")
    let error = #expect(throws: DatabaseError.self) { try DatabasePool(path: path) }
    #expect(error?.message.contains("does not exist") == true)
    #expect(error?.message.contains(directory.path("no/such/dir")) == true)
}

@Test func openingInAnUnwritableDirectoryFailsWithAClearMessage() throws {
    guard getuid() != 0 else { return }  // root ignores permissions
    let directory = try TemporaryDirectory()
    let locked = directory.url.appendingPathComponent("locked")
    try FileManager.default.createDirectory(at: locked, withIntermediateDirectories: false,
                                            attributes: [.posixPermissions: 0o500])
    defer { try? FileManager.default.setAttributes([.posixPermissions: 0o700], ofItemAtPath: locked.path) }
    let error = #expect(throws: DatabaseError.self) {
        try DatabasePool(path: locked.appendingPathComponent("db.sqlite").path)
    }
    #expect(error?.message.contains("not writable") == true)
}
