import Foundation
import Testing
@testable import Storage

/// The writer checkpoints after answering its callers instead of inside COMMIT (SQLite's own
/// automatic checkpoint is off on its connection): the WAL must still be copied into the
/// database and started over, with no reader asking for it.
@Suite struct DeferredCheckpointTests {
    @Test func theWriterStillCheckpointsAndRestartsTheWAL() throws {
        let directory = try TemporaryDirectory()
        let pool = try DatabasePool(path: directory.path("ckpt.sqlite"))
        defer { pool.close() }
        try pool.write { db in try db.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, payload BLOB)") }
        let payload = [UInt8](repeating: 7, count: 3000)
        // 60 commits of 50 pages each: 3,000 frames, three times the checkpoint threshold.
        for _ in 0..<60 {
            try pool.write { db in
                for _ in 0..<50 { try db.execute("INSERT INTO t (payload) VALUES (?)", [payload]) }
            }
        }
        let size = { (name: String) in
            (try? FileManager.default.attributesOfItem(atPath: directory.path(name))[.size] as? Int) ?? 0
        }
        // Without a checkpoint every page would still be in the WAL and the database file
        // would hold only the first pages; restarted, the WAL stays near one threshold's size.
        #expect(size("ckpt.sqlite") > 8_000_000, "database file is \(size("ckpt.sqlite")) bytes")
        #expect(size("ckpt.sqlite-wal") < 6_000_000, "WAL is \(size("ckpt.sqlite-wal")) bytes")
        #expect(try pool.read { db in try db.scalar("SELECT count(*) FROM t", as: Int.self) } == 3000)
        #expect(try pool.integrityCheck() == ["ok"])
    }
}
