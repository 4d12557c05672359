import Foundation
import Testing
@testable import Storage

/// Commits made through another connection (as the CLI's import does from its own process) move
/// every table's generation; this pool's own commits keep moving only the tables they changed.
@Suite struct OutsideWriteTests {
    let directory: TemporaryDirectory
    let pool: DatabasePool

    init() throws {
        directory = try TemporaryDirectory()
        pool = try DatabasePool(path: directory.path("db.sqlite"))
        try pool.writeAlone { db in
            try db.executeScript("CREATE TABLE reports(id INTEGER PRIMARY KEY, v TEXT); CREATE TABLE entries(id INTEGER PRIMARY KEY, v TEXT);")
        }
    }

    /// Asks until `condition` holds or 5 s pass (the watch looks at most every few ms).
    private func eventually(_ condition: () -> Bool) -> Bool {
        let deadline = Date().addingTimeInterval(5)
        while Date() < deadline {
            if condition() { return true }
            usleep(1000)
        }
        return condition()
    }

    @Test func anotherConnectionsCommitMovesEveryTableWhileTheWriterIsIdle() throws {
        let reports = pool.generation(ofTables: ["reports"])
        let written = pool.writeGeneration
        let outsider = try directory.connection("db.sqlite")
        try outsider.execute("INSERT INTO entries(v) VALUES ('from the CLI')")
        #expect(eventually { pool.generation(ofTables: ["reports"]) > reports })
        #expect(pool.writeGeneration > written)
        outsider.close()
    }

    @Test func anOutsideCommitRightAfterOneOfOursIsStillNoticed() throws {
        let outsider = try directory.connection("db.sqlite")
        for round in 0..<20 {
            let reports = pool.generation(ofTables: ["reports"])
            try pool.write { try $0.execute("INSERT INTO entries(v) VALUES ('ours')") }
            try outsider.execute("INSERT INTO entries(v) VALUES ('theirs \(round)')")
            #expect(eventually { pool.generation(ofTables: ["reports"]) > reports })
        }
        outsider.close()
    }

    @Test func ourOwnCommitsNeverCountAsOutsideWrites() throws {
        let reports = pool.generation(ofTables: ["reports"])
        for _ in 0..<50 {
            try pool.write { try $0.execute("INSERT INTO entries(v) VALUES ('ours')") }
            usleep(3000)  // past the watch's interval, so every check really looks
            _ = pool.generation(ofTables: ["entries"])
        }
        // Let a probe the last check queued finish, then look again.
        try pool.write { _ in }
        #expect(pool.generation(ofTables: ["reports"]) == reports)
    }
}

@Suite struct DatabaseLockTests {
    @Test func aSecondLockOnTheSameDatabaseIsRefusedUntilTheFirstIsReleased() throws {
        let directory = try TemporaryDirectory()
        let path = directory.path("db.sqlite")
        var first: DatabaseLock? = try DatabaseLock(beside: path)
        #expect(first?.lockPath == path + ".lock")
        do {
            _ = try DatabaseLock(beside: path)
            Issue.record("a second lock was granted")
        } catch {
            guard case .held(_, let holder) = error else { Issue.record("unexpected \(error)"); return }
            #expect(holder == getpid())
            #expect(error.description.contains("another wastesort server"))
        }
        first = nil
        #expect(throws: Never.self) { _ = try DatabaseLock(beside: path) }
    }

    @Test func aMissingDirectoryIsAClearFailure() {
        #expect(throws: DatabaseLock.Failure.self) { _ = try DatabaseLock(beside: "/nonexistent-dir/x/db.sqlite") }
    }
}
