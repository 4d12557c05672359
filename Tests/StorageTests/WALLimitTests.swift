import Foundation
import Synchronization
import Testing
@testable import Storage

/// Found by scripts/soak: under a steady stream of reads SQLite never restarts the WAL, and the
/// file grew with every commit (103 MB after a minute). The writer now truncates it past a limit.
@Suite struct WALLimitTests {
    @Test func walStaysBoundedWhileReadersNeverPause() throws {
        let directory = try TemporaryDirectory()
        var configuration = DatabasePool.Configuration()
        configuration.connection.synchronous = .off
        configuration.walFrameLimit = 64
        let pool = try DatabasePool(path: directory.path("wal.sqlite"), configuration: configuration)
        defer { pool.close() }
        try pool.write { db in try db.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, payload BLOB)") }
        let stop = Atomic<Bool>(false)
        let readers = (0..<3).map { _ in
            Thread {
                while !stop.load(ordering: .relaxed) {
                    _ = try? pool.read { db in try db.scalar("SELECT count(*) FROM t", as: Int.self) }
                }
            }
        }
        readers.forEach { $0.start() }
        let payload = [UInt8](repeating: 7, count: 3000)
        for _ in 0..<3000 {
            try pool.write { db in try db.execute("INSERT INTO t (payload) VALUES (?)", [payload]) }
        }
        stop.store(true, ordering: .relaxed)
        let walBytes = (try FileManager.default.attributesOfItem(atPath: directory.path("wal.sqlite-wal"))[.size] as? Int) ?? 0
        // without the limit these 3,000 commits leave ~37 MB of WAL; with it, a truncation that
        // waited in vain (a descheduled reader on a loaded machine) only defers it 256 commits
        #expect(walBytes < 15_000_000, "WAL is \(walBytes) bytes")
        #expect(try pool.read { db in try db.scalar("SELECT count(*) FROM t", as: Int.self) } == 3000)
        #expect(try pool.integrityCheck() == ["ok"])
    }
}
