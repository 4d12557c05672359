import Locking
import Foundation
import Testing
@testable import Storage

@Suite struct MaintenanceTests {
    let directory: TemporaryDirectory
    let pool: DatabasePool

    init() throws {
        directory = try TemporaryDirectory()
        pool = try DatabasePool(path: directory.path("main.sqlite"))
        try pool.writeAlone { db in
            try db.execute("CREATE TABLE t(id INTEGER PRIMARY KEY, payload TEXT)")
            for n in 0..<2000 {
                try db.execute("INSERT INTO t(payload) VALUES (?)", [String(repeating: "数据\(n)", count: 20)])
            }
        }
    }

    @Test func integrityCheckReportsOk() throws {
        #expect(try pool.integrityCheck() == ["ok"])
    }

    @Test func userVersionRoundTrips() throws {
        try pool.writeWithoutTransaction { try $0.setUserVersion(7) }
        #expect(try pool.userVersion() == 7)
    }

    @Test func backupWhileWritesRunContainsEverythingCommittedBefore() throws {
        let stop = Locked(false)
        let writing = DispatchGroup()
        writing.enter()
        Thread { [pool] in
            while !stop.withLock({ $0 }) {
                _ = try? pool.write { try $0.execute("INSERT INTO t(payload) VALUES ('during backup')") }
            }
            writing.leave()
        }.start()
        var options = BackupOptions()
        options.pagesPerStep = 8  // many steps, so writes commit between them
        let destination = directory.path("backup.sqlite")
        try pool.backup(to: destination, options: options)
        stop.withLock { $0 = true }
        writing.wait()

        let copy = try Connection(path: destination)
        #expect(try copy.integrityCheck() == ["ok"])
        let committedBefore = try copy.scalar("SELECT count(*) FROM t WHERE id <= 2000", as: Int.self)
        #expect(committedBefore == 2000)
        #expect(!FileManager.default.fileExists(atPath: destination + ".partial-\(getpid())"))
    }

    @Test func backupReplacesAnExistingFileOnlyWhenComplete() throws {
        let destination = directory.path("backup.sqlite")
        try "old".write(toFile: destination, atomically: true, encoding: .utf8)
        try pool.backup(to: destination)
        let copy = try Connection(path: destination)
        #expect(try copy.scalar("SELECT count(*) FROM t", as: Int.self) == 2000)
    }

    @Test func backupIntoAMissingDirectoryFailsClearly() {
        let error = #expect(throws: DatabaseError.self) {
            try pool.backup(to: directory.path("missing/backup.sqlite"))
        }
        #expect(error?.message.contains("does not exist") == true)
    }
}
