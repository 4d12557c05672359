import Locking
import Synchronization
import CSQLite
import Foundation

/// One unit of work for the writer thread.
///
/// `@unchecked Sendable` is safe because a job is handed to the writer thread through the queue's
/// lock (a happens-before edge) and from then on only the writer thread touches `body`; the
/// submitting thread only waits for `completion`, which the writer calls exactly once.
final class WriteJob: @unchecked Sendable {
    enum Mode {
        /// Shares an IMMEDIATE transaction with other jobs, inside its own savepoint.
        case grouped
        /// Runs in an IMMEDIATE transaction of its own (long jobs such as imports).
        case alone
        /// Runs with exclusive use of the writer but no transaction (migrations manage their own).
        case raw
        /// No body: only looks for another process's commits (``OutsideWriteWatch``).
        case probe
    }

    let mode: Mode
    private var body: ((Connection) throws -> Void)?
    private var completion: ((Error?) -> Void)?

    init(mode: Mode, body: @escaping (Connection) throws -> Void, completion: @escaping (Error?) -> Void) {
        self.mode = mode
        self.body = body
        self.completion = completion
    }

    /// Runs the body once. The body is dropped before returning: `write` passes a closure through
    /// `withoutActuallyEscaping`, which traps if anything still holds it after the caller wakes.
    func run(_ connection: Connection) throws {
        guard let body else { return }
        self.body = nil
        try body(connection)
    }

    /// Reports the outcome and wakes the caller.
    func complete(_ error: Error?) {
        body = nil
        let completion = self.completion
        self.completion = nil
        completion?(error)
    }
}

/// The single writer: a dedicated thread that commits queued jobs in groups.
///
/// Group commit: while one COMMIT waits for fsync, new jobs pile up; the next transaction takes
/// them all (up to `maxGroupSize`), each in its own savepoint, and pays for a single fsync.
///
/// `@unchecked Sendable` is safe because `pending`, `accepting` and `running` are only touched
/// while holding `condition`, and `connection` is only used by the writer thread (and by `close`
/// after that thread has finished).
final class WriteQueue: @unchecked Sendable {
    private let condition = NSCondition()
    private var pending: [WriteJob] = []
    private var accepting = true
    private var running = true
    private let connection: Connection
    private let maxGroupSize: Int
    private let metrics: Locked<DatabaseMetrics>
    /// Bumped after every write transaction, before its callers are answered, so a cache keyed
    /// on it can never miss a write that a client has already seen acknowledged.
    let generation = Atomic<Int>(0)
    /// Per-table counters, bumped at the same moments as `generation`.
    let tables = TableGenerations()
    private let changedTables: ChangedTables
    /// Whether writes reach the disk; set by storage faults, cleared by the next commit.
    let health: StorageHealth
    /// The opened file, checked against its path around every transaction (one `stat` each).
    private let fileWatch: DatabaseFileWatch
    /// The writer's `PRAGMA data_version` when it last looked; only the writer thread touches it.
    private var dataVersion: Int?

    init(connection: Connection, maxGroupSize: Int, walFrameLimit: Int = 16_384, metrics: Locked<DatabaseMetrics>,
         health: StorageHealth = StorageHealth()) {
        precondition(maxGroupSize >= 1, "maxGroupSize must be at least 1")
        self.connection = connection
        self.health = health
        self.fileWatch = DatabaseFileWatch(path: connection.path)
        walFrames = connection.takeOverCheckpoints()
        self.walFrameLimit = walFrameLimit
        self.maxGroupSize = maxGroupSize
        self.metrics = metrics
        self.changedTables = ChangedTables.install(on: connection)
        self.dataVersion = try? connection.dataVersion()
        let thread = Thread { [self] in
            Thread.current.threadDictionary[Self.writerThreadKey] = true
            self.runLoop()
        }
        thread.name = "storage-writer"
        thread.stackSize = 8 << 20
        thread.start()
    }

    private static let writerThreadKey = "storage.writer-thread"

    /// Queues a job; throws when the queue is closed.
    func submit(_ job: WriteJob) throws {
        // The writer would wait for itself forever: nested writes are a programming error.
        precondition(Thread.current.threadDictionary[Self.writerThreadKey] == nil,
                     "write called from inside a write body: use the Connection passed to the body")
        condition.lock()
        defer { condition.unlock() }
        guard accepting else { throw DatabaseError.misuse("database pool is closed") }
        pending.append(job)
        condition.signal()
    }

    /// Queues a ``OutsideWriteWatch`` probe without waiting for it; nothing on the writer thread
    /// itself (a cache consulted inside a write body) or once closed.
    func submitProbe() {
        guard Thread.current.threadDictionary[Self.writerThreadKey] == nil else { return }
        try? submit(WriteJob(mode: .probe, body: { _ in }, completion: { _ in }))
    }

    /// Jobs waiting for the writer (tests use it to line jobs up into one group).
    var pendingCount: Int {
        condition.lock()
        defer { condition.unlock() }
        return pending.count
    }

    /// Stops accepting jobs, lets the writer finish every queued one, then closes the connection.
    func close() {
        condition.lock()
        accepting = false
        condition.broadcast()
        while running { condition.wait() }
        condition.unlock()
        connection.close()
    }

    // MARK: Writer thread

    /// Commits since the WAL size was last looked at.
    private var commitsSinceWALCheck = 0
    /// The WAL's frames after the last commit. SQLite's own automatic checkpoint is off on this
    /// connection: it ran inside COMMIT, so a caller waited for it before hearing its write was
    /// done. ``checkpointIfDue()`` does the same work once the group's callers are answered.
    private let walFrames: WALFrameCounter
    /// SQLite's default automatic-checkpoint threshold.
    private static let checkpointFrames = 1000
    /// A WAL with more frames than this is truncated after a bounded wait.
    private let walFrameLimit: Int

    private func runLoop() {
        while let batch = nextBatch() {
            // A moved or deleted file would take every write of this batch with it at the next
            // start: refuse them instead (docs/RELIABILITY.md, "database moved").
            if let fault = fileWatch.movedFault() {
                refuse(batch, fault)
                continue
            }
            switch batch[0].mode {
            // A group of one needs no savepoint: its own transaction rolls back just as well,
            // without copying every page it changes into a sub-journal first.
            case .grouped where batch.count == 1: runAlone(batch[0])
            case .grouped: runGroup(batch)
            case .alone: runAlone(batch[0])
            case .raw: runRaw(batch[0])
            case .probe:
                noticeOutsideWrites()
                batch[0].complete(nil)
                continue
            }
            checkpointIfDue()
            limitWAL()
        }
        condition.lock()
        running = false
        condition.broadcast()
        condition.unlock()
    }

    /// Waits for work; `nil` once closed and drained. Grouped jobs are batched; others go alone.
    private func nextBatch() -> [WriteJob]? {
        condition.lock()
        defer { condition.unlock() }
        while pending.isEmpty && accepting { condition.wait() }
        guard let first = pending.first else { return nil }
        var count = 1
        if first.mode == .grouped {
            while count < min(pending.count, maxGroupSize) && pending[count].mode == .grouped { count += 1 }
        }
        let batch = Array(pending.prefix(count))
        pending.removeFirst(count)
        return batch
    }

    private func runGroup(_ jobs: [WriteJob]) {
        let start = ContinuousClock.now
        var remaining = jobs[...]
        var awaitingCommit: [WriteJob] = []
        var failures = 0
        while !remaining.isEmpty {
            do {
                try connection.execute("BEGIN IMMEDIATE TRANSACTION")
            } catch {
                record(start: start, group: 0, failures: failures + remaining.count)
                remaining.forEach { fail($0, error) }
                return
            }
            while let job = remaining.popFirst() {
                var jobError: Error?
                do {
                    try connection.savepoint("group_job") { try job.run($0) }
                    awaitingCommit.append(job)
                } catch {
                    failures += 1
                    jobError = error
                    fail(job, error)
                }
                if !connection.isInTransaction {
                    // SQLite ended the transaction itself (disk full, I/O error) or a body issued
                    // COMMIT/ROLLBACK: the earlier jobs' outcome is unknown, so they fail too
                    // (with the storage fault that ended it, when it was one).
                    let lost: Error = jobError.flatMap { StorageFault.classify($0, writing: true) }
                        ?? DatabaseError(code: SQLITE_ABORT,
                                         message: "group transaction ended early by another write in the same group")
                    awaitingCommit.forEach { fail($0, lost) }
                    failures += awaitingCommit.count
                    awaitingCommit = []
                    break
                }
            }
        }
        var commitError: Error?
        if connection.isInTransaction {
            do {
                try connection.execute("COMMIT TRANSACTION")
                commitError = committed()
            } catch {
                connection.rollbackQuietly()
                commitError = error
            }
            if commitError != nil { failures += awaitingCommit.count }
        }
        // Metrics first, so a caller that wakes up and reads them sees its own group.
        record(start: start, group: jobs.count, failures: failures)
        guard let commitError else {
            awaitingCommit.forEach { $0.complete(nil) }
            return
        }
        // No caller hears "written" for a change whose COMMIT failed (tests/StorageTests/FaultInjectionTests).
        awaitingCommit.forEach { fail($0, commitError) }
    }

    /// After a COMMIT succeeded: the condition is over, unless the file moved meanwhile, in
    /// which case the commit went into a file that is no longer the database (the fault).
    private func committed() -> StorageFault? {
        if let fault = fileWatch.movedFault() { return fault }
        health.committed(freeBytes: fileWatch.availableBytes)
        return nil
    }

    /// Answers `job` with `error` as callers should see it (a ``StorageFault`` when it is one,
    /// which also sets the condition `/readyz` reports).
    private func fail(_ job: WriteJob, _ error: Error) {
        let surfaced = StorageFault.surfaced(error, writing: true)
        if let fault = surfaced as? StorageFault { health.failed(fault, operations: 1, write: true) }
        job.complete(surfaced)
    }

    /// Answers every job of a batch with `fault` without running any.
    private func refuse(_ batch: [WriteJob], _ fault: StorageFault) {
        metrics.withLock { $0.failedWrites += batch.count }
        health.failed(fault, operations: batch.count, write: true)
        batch.forEach { $0.complete(fault) }
    }

    /// A passive checkpoint (it never waits for readers) once the WAL holds 1000 frames, as
    /// SQLite's automatic checkpoint would have run, but after the callers were answered. The
    /// next commit starts the WAL over from its beginning when readers allow.
    private func checkpointIfDue() {
        guard walFrames.frames >= Self.checkpointFrames else { return }
        walFrames.frames = 0
        _ = connection.walFramesAfterPassiveCheckpoint()
    }

    /// Every 256 commits: if the WAL has grown past the limit (readers never paused long enough
    /// for SQLite to restart it), truncate it, waiting at most 100 ms for readers.
    private func limitWAL() {
        commitsSinceWALCheck += 1
        guard commitsSinceWALCheck >= 256 else { return }
        commitsSinceWALCheck = 0
        guard let frames = connection.walFramesAfterPassiveCheckpoint(), frames > walFrameLimit else { return }
        _ = connection.truncateWAL(waitMilliseconds: 100)
    }

    private func runAlone(_ job: WriteJob) {
        let start = ContinuousClock.now
        do {
            try connection.transaction(.immediate) { try job.run($0) }
            if let fault = committed() { throw fault }
            record(start: start, group: 1, failures: 0)
            job.complete(nil)
        } catch {
            record(start: start, group: 1, failures: 1)
            fail(job, error)
        }
    }

    private func runRaw(_ job: WriteJob) {
        do {
            try job.run(connection)
            guard !connection.isInTransaction else {
                connection.rollbackQuietly()
                throw DatabaseError.misuse("writeWithoutTransaction body left a transaction open; rolled back")
            }
            published()
            job.complete(nil)
        } catch {
            fail(job, error)
        }
    }

    /// Makes a finished transaction visible to caches: the tables it changed, then the generation.
    private func published() {
        tables.bump(changedTables.drain())
        noticeOutsideWrites(bumpingGeneration: false)
        generation.add(1, ordering: .sequentiallyConsistent)
    }

    /// Our own commits never move this connection's `data_version`; another process's do. Its
    /// tables are unknown, so every table counts as changed.
    private func noticeOutsideWrites(bumpingGeneration: Bool = true) {
        guard let version = try? connection.dataVersion() else { return }
        defer { dataVersion = version }
        guard let known = dataVersion, version != known else { return }
        tables.bumpAll()
        if bumpingGeneration { generation.add(1, ordering: .sequentiallyConsistent) }
    }

    private func record(start: ContinuousClock.Instant, group: Int, failures: Int) {
        published()
        let seconds = (ContinuousClock.now - start).seconds
        metrics.withLock { metrics in
            metrics.commits.record(seconds)
            metrics.failedWrites += failures
            metrics.largestGroup = max(metrics.largestGroup, group)
        }
    }
}
