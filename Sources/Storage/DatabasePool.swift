import Locking
import Foundation

/// The database as the server uses it: one writer connection on its own thread, a few readers, WAL.
///
/// ```swift
/// let pool = try DatabasePool(path: "/var/lib/wastesort/wastesort.sqlite")
/// let id = try pool.write { db in
///     try db.execute("INSERT INTO institutions(code, name) VALUES (?, ?)", [code, name])
///     return db.lastInsertRowID
/// }
/// let rows = try pool.read { db in try db.query("SELECT * FROM institutions") }
/// ```
public final class DatabasePool: Sendable {
    /// Pool size, batching and per-connection options.
    public struct Configuration: Sendable {
        /// Read-only connections; `read` blocks while all are busy.
        public var readerCount = 4
        /// The most `write` jobs committed together in one transaction.
        public var maxGroupSize = 64
        /// WAL frames (pages) beyond which the writer truncates the WAL even while readers are
        /// busy (waiting at most 100 ms for them): 16,384 frames of 4 KiB is 64 MiB.
        public var walFrameLimit = 16_384
        /// Options for every connection (readers are forced read-only).
        public var connection = Connection.Options()
        /// Bytes of the file each reader maps into memory (`PRAGMA mmap_size`): district-wide
        /// statistics and rankings scan tens of megabytes of index, and a map spares the kernel
        /// copying every page (about 40 % of such a scan's time). The cost: an I/O error under a
        /// mapped page ends the process (SIGBUS) instead of failing one request. 0 turns it off.
        public var readerMmapBytes: Int64 = 1 << 30

        public init() {}
    }

    /// The database file.
    public let path: String
    private let writer: WriteQueue
    private let readers: ReaderPool
    private let recorded = Locked(DatabaseMetrics())
    /// Whether writes reach the disk now, and the storage faults seen since start.
    public let storageHealth = StorageHealth()
    private let outsideWrites: OutsideWriteWatch

    /// Opens (creating if missing) the database at `path`: the writer first, so the file exists
    /// and is in WAL mode before the read-only connections open it.
    public init(path: String, configuration: Configuration = Configuration()) throws {
        precondition(configuration.readerCount >= 1, "readerCount must be at least 1")
        self.path = path
        var writerOptions = configuration.connection
        writerOptions.readOnly = false
        // Each grouped job runs in a savepoint: keep its sub-journal off the disk. It holds at
        // most the pages one job changes (the durable copy is the WAL, as before).
        writerOptions.tempStoreInMemory = true
        let writerConnection = try Connection(path: path, options: writerOptions)
        var readerOptions = configuration.connection
        readerOptions.readOnly = true
        readerOptions.mmapSizeBytes = configuration.readerMmapBytes
        let readerConnections = try (0..<configuration.readerCount).map { _ in
            try Connection(path: path, options: readerOptions)
        }
        self.readers = ReaderPool(connections: readerConnections)
        readerOptions.mmapSizeBytes = 0
        let watchConnection = try Connection(path: path, options: readerOptions)
        self.writer = WriteQueue(connection: writerConnection, maxGroupSize: configuration.maxGroupSize,
                                 walFrameLimit: configuration.walFrameLimit, metrics: recorded, health: storageHealth)
        self.outsideWrites = OutsideWriteWatch(connection: watchConnection, writeGeneration: 0)
    }

    deinit {
        close()
    }

    /// Finishes every queued write, waits for borrowed readers, and closes all connections.
    /// Later calls to `read` and `write` throw. Idempotent.
    public func close() {
        writer.close()
        readers.close()
        outsideWrites.close()
    }

    /// Write jobs queued and not yet started.
    var pendingWriteCount: Int { writer.pendingCount }

    /// A number that changes after every write transaction of this pool (and only then): a
    /// cache that remembers it knows whether anything could have changed since.
    /// Commits by other processes count too, noticed within a few milliseconds (``OutsideWriteWatch``).
    public var writeGeneration: Int {
        noticeOutsideWrites()
        return writer.generation.load(ordering: .sequentiallyConsistent)
    }

    /// Grows after every write transaction that changed a row of one of `tables` (see
    /// ``TableGenerations``): a cache of data read from those tables alone keys on it. A commit
    /// by another process counts as a change of every table.
    public func generation(ofTables tables: [String]) -> Int {
        noticeOutsideWrites()
        return writer.tables.generation(of: tables)
    }

    /// Polls the watch connection (rate-limited); an ambiguous change queues a probe on the writer.
    private func noticeOutsideWrites() {
        outsideWrites.poll(writeGeneration: { writer.generation.load(ordering: .sequentiallyConsistent) },
                           outsideWrite: {
                               writer.tables.bumpAll()
                               writer.generation.add(1, ordering: .sequentiallyConsistent)
                           },
                           probe: { writer.submitProbe() })
    }

    /// Timings recorded so far.
    public var metrics: DatabaseMetrics {
        recorded.withLock { $0 }
    }

    // MARK: Reading

    /// Runs `body` on a reader inside a deferred transaction, so all its queries see one
    /// committed snapshot. Blocks while every reader is busy.
    public func read<T>(_ body: (Connection) throws -> T) throws -> T {
        let start = ContinuousClock.now
        let connection = try readers.borrow()
        defer {
            readers.giveBack(connection)
            let seconds = (ContinuousClock.now - start).seconds
            recorded.withLock { $0.reads.record(seconds) }
        }
        do {
            return try connection.transaction(.deferred, body)
        } catch {
            guard let fault = StorageFault.classify(error, writing: false) else { throw error }
            storageHealth.failed(fault, operations: 1, write: false)
            throw fault
        }
    }

    /// `read` for async callers: runs on a Dispatch thread so no cooperative thread blocks.
    public func read<T: Sendable>(_ body: @escaping @Sendable (Connection) throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global().async {
                continuation.resume(with: Result { try self.read(body) })
            }
        }
    }

    // MARK: Writing

    /// Runs `body` on the writer and returns once its changes are committed (group commit: it may
    /// share the transaction with other callers' jobs, inside its own savepoint). When `body`
    /// throws, only its own changes are rolled back and its error is rethrown.
    ///
    /// Keep bodies short: the whole group waits for each one. Use ``writeAlone(_:)`` for imports.
    public func write<T>(_ body: (Connection) throws -> T) throws -> T {
        try submitAndWait(.grouped, body)
    }

    /// Runs `body` on the writer in an IMMEDIATE transaction of its own (long or bulk changes).
    public func writeAlone<T>(_ body: (Connection) throws -> T) throws -> T {
        try submitAndWait(.alone, body)
    }

    /// Runs `body` with exclusive use of the writer and no transaction; the body manages its own
    /// (the ``Migrator`` does). A transaction left open is rolled back and reported as an error.
    public func writeWithoutTransaction<T>(_ body: (Connection) throws -> T) throws -> T {
        try submitAndWait(.raw, body)
    }

    /// `write` for async callers: suspends instead of blocking a thread.
    public func write<T: Sendable>(_ body: @escaping @Sendable (Connection) throws -> T) async throws -> T {
        let start = ContinuousClock.now
        let box = ResultBox<T>()
        let outcome: Result<T, Error> = await withCheckedContinuation { continuation in
            let job = WriteJob(mode: .grouped, body: { box.value = try body($0) }) { error in
                continuation.resume(returning: box.result(error))
            }
            do {
                try writer.submit(job)
            } catch {
                continuation.resume(returning: .failure(error))
            }
        }
        recordWrite(start: start)
        return try outcome.get()
    }

    /// While writes are failing with a storage fault, commits a change that alters nothing
    /// (`user_version` set to itself: page 1 is rewritten) at most once a second, so the
    /// condition clears by itself once space is back even when no client writes. A no-op when
    /// writes are fine. `/readyz` calls it.
    public func recheckStorage() {
        guard storageHealth.probeDue(interval: 1) else { return }
        _ = try? write { db in try db.setUserVersion(db.userVersion()) }
    }

    /// Applies pending migrations on the writer (see ``Migrator/migrate(_:)``).
    @discardableResult
    public func migrate(_ migrator: Migrator) throws -> [Migration] {
        try writeWithoutTransaction { try migrator.migrate($0) }
    }

    private func submitAndWait<T>(_ mode: WriteJob.Mode, _ body: (Connection) throws -> T) throws -> T {
        let start = ContinuousClock.now
        defer { recordWrite(start: start) }
        // The caller blocks until the writer is done with `body`, so it never really escapes.
        return try withoutActuallyEscaping(body) { body in
            let box = ResultBox<T>()
            let done = DispatchSemaphore(value: 0)
            var failure: Error?
            let job = WriteJob(mode: mode, body: { box.value = try body($0) }) { error in
                failure = error
                done.signal()
            }
            try writer.submit(job)
            done.wait()
            return try box.result(failure).get()
        }
    }

    private func recordWrite(start: ContinuousClock.Instant) {
        let seconds = (ContinuousClock.now - start).seconds
        recorded.withLock { $0.writes.record(seconds) }
    }
}

/// Carries a job's return value from the writer thread back to the caller.
///
/// `@unchecked Sendable` is safe because `value` is written by the writer thread before the job
/// completes and read by the caller only after being woken by that completion.
private final class ResultBox<T>: @unchecked Sendable {
    var value: T?

    func result(_ error: Error?) -> Result<T, Error> {
        if let error { return .failure(error) }
        guard let value else { return .failure(DatabaseError.misuse("write job finished without a result")) }
        return .success(value)
    }
}

// MARK: - Maintenance

extension DatabasePool {
    /// Online backup of one consistent snapshot to `destination`, taken on a reader so writers
    /// keep committing meanwhile; contains every write acknowledged before the call.
    public func backup(to destination: String, options: BackupOptions = BackupOptions()) throws {
        try read { db in
            // Reading starts the snapshot; the backup then copies it without restarting.
            _ = try db.scalar("SELECT count(*) FROM sqlite_schema")
            try db.backup(to: destination, options: options)
        }
    }

    /// `PRAGMA integrity_check` on a reader: `["ok"]` when the file is sound.
    public func integrityCheck() throws -> [String] {
        try read { try $0.integrityCheck() }
    }

    /// `PRAGMA user_version`.
    public func userVersion() throws -> Int {
        try read { try $0.userVersion() }
    }
}
