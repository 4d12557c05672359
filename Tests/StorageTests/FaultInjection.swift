import CFaultVFS
import CSQLite
import Foundation
import Locking
import Testing
@testable import Storage

/// The fault-injecting VFS (Tests/CFaultVFS) as tests use it: a pool opened through it, and
/// faults armed for a chosen kind of call on a chosen kind of file.
enum FaultVFS {
    static let name: String = {
        let code = faultvfs_register()
        precondition(code == SQLITE_OK, "faultvfs_register failed with \(code)")
        return "faultvfs"
    }()

    struct Point: Sendable, CustomStringConvertible {
        let files: Int32
        let calls: Int32
        let label: String
        var description: String { label }

        /// Appending frames to the WAL: what COMMIT does (and a statement whose cache spills).
        static let walWrite = Point(files: Int32(FAULTVFS_WAL), calls: Int32(FAULTVFS_WRITE), label: "WAL write")
        /// The fsync of the WAL that makes a COMMIT durable (synchronous=FULL).
        static let walSync = Point(files: Int32(FAULTVFS_WAL), calls: Int32(FAULTVFS_SYNC), label: "WAL sync")
        /// Copying pages back into the database file: what a checkpoint does.
        static let databaseWrite = Point(files: Int32(FAULTVFS_MAIN_DB), calls: Int32(FAULTVFS_WRITE), label: "database write")
        static let databaseSync = Point(files: Int32(FAULTVFS_MAIN_DB), calls: Int32(FAULTVFS_SYNC), label: "database sync")
        /// Cutting the WAL back to nothing after a TRUNCATE checkpoint.
        static let walTruncate = Point(files: Int32(FAULTVFS_WAL), calls: Int32(FAULTVFS_TRUNCATE), label: "WAL truncate")
    }

    /// Fails every matching call (after `skip` have passed) with `code` until ``disarm()``,
    /// or only the next `count` of them.
    static func arm(_ point: Point, code: Int32, skip: Int32 = 0, count: Int32 = -1) {
        _ = name
        faultvfs_arm(point.files, point.calls, skip, count, code)
    }

    static func disarm() { faultvfs_disarm() }
    static var injected: Int { Int(faultvfs_injected()) }

    /// SQLite's extended I/O error codes (C macros Swift does not import).
    static let ioErrWrite: Int32 = 778     // SQLITE_IOERR | (3 << 8)
    static let ioErrFsync: Int32 = 1034    // SQLITE_IOERR | (4 << 8)
    static let ioErrTruncate: Int32 = 1546 // SQLITE_IOERR | (6 << 8)
}

/// A database opened through the fault VFS, with a table `t(id, tag, payload)`.
final class FaultyDatabase {
    let directory: TemporaryDirectory
    let path: String
    private(set) var pool: DatabasePool

    init() throws {
        directory = try TemporaryDirectory()
        path = directory.path("faults.sqlite")
        var configuration = DatabasePool.Configuration()
        configuration.connection.vfsName = FaultVFS.name
        configuration.readerCount = 2
        pool = try DatabasePool(path: path, configuration: configuration)
        try pool.writeAlone { db in
            try db.execute("CREATE TABLE t(id INTEGER PRIMARY KEY, tag TEXT NOT NULL UNIQUE, payload BLOB)")
        }
    }

    deinit {
        FaultVFS.disarm()
        pool.close()
    }

    /// The tags on disk as a fresh connection (default VFS) sees them once the pool is closed:
    /// what the next start of the server would find.
    func tagsAfterRestart() throws -> Set<String> {
        FaultVFS.disarm()
        pool.close()
        let connection = try Connection(path: path)
        defer { connection.close() }
        #expect(try connection.integrityCheck() == ["ok"])
        return Set(try connection.query("SELECT tag FROM t").map { try $0.string("tag") })
    }

    /// Runs each write on its own thread, all in one writer group: the writer is held by a
    /// first job until every one of them is queued. Returns each write's outcome by tag.
    func groupedWrites(_ writes: [(tag: String, body: @Sendable (Connection) throws -> Void)],
                       beforeRelease: () -> Void = {}) -> [String: Result<Void, Error>] {
        let outcomes = Locked<[String: Result<Void, Error>]>([:])
        let holding = DispatchSemaphore(value: 0)
        let release = DispatchSemaphore(value: 0)
        let done = DispatchGroup()
        let pool = self.pool
        spawn(done) { _ = try? pool.write { _ in holding.signal(); release.wait() } }
        holding.wait()
        for write in writes {
            spawn(done) {
                let outcome = Result { try pool.write { try write.body($0) } }
                outcomes.withLock { $0[write.tag] = outcome }
            }
        }
        let deadline = Date().addingTimeInterval(10)
        while pool.pendingWriteCount < writes.count && Date() < deadline { usleep(1000) }
        beforeRelease()
        release.signal()
        done.wait()
        return outcomes.withLock { $0 }
    }

    private func spawn(_ group: DispatchGroup, _ body: @escaping @Sendable () -> Void) {
        group.enter()
        Thread {
            body()
            group.leave()
        }.start()
    }
}

/// An insert of one small row tagged `tag`.
func insert(_ tag: String) -> (tag: String, body: @Sendable (Connection) throws -> Void) {
    (tag, { db in try db.execute("INSERT INTO t(tag, payload) VALUES (?, zeroblob(100))", [tag]) })
}

/// An insert of `megabytes` of random rows tagged `tag-n`: more than the writer's page cache, so
/// SQLite spills pages into the WAL while the statement runs.
func bulkInsert(_ tag: String, megabytes: Int = 4) -> (tag: String, body: @Sendable (Connection) throws -> Void) {
    (tag, { db in
        try db.execute("""
            WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?)
            INSERT INTO t(tag, payload) SELECT ? || '-' || i, randomblob(4000) FROM n
            """, [megabytes * 256, tag])
    })
}
