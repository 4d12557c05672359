import Foundation
import Testing
@testable import Storage

/// A database file renamed or deleted under a running pool: SQLite would go on writing into the
/// file it opened, and those acknowledged writes would vanish at the next start.
@Suite struct MovedDatabaseTests {
    let directory: TemporaryDirectory
    let path: String
    let pool: DatabasePool

    init() throws {
        directory = try TemporaryDirectory()
        path = directory.path("moved.sqlite")
        pool = try DatabasePool(path: path)
        try pool.write { try $0.execute("CREATE TABLE t(id INTEGER PRIMARY KEY, tag TEXT)") }
    }

    private func write(_ tag: String) throws {
        try pool.write { try $0.execute("INSERT INTO t(tag) VALUES (?)", [tag]) }
    }

    @Test func writesAreRefusedWhileTheFileIsElsewhereAndResumeWhenItIsBack() throws {
        try write("before")
        let aside = directory.path("aside.sqlite")
        try FileManager.default.moveItem(atPath: path, toPath: aside)
        let error = #expect(throws: StorageFault.self) { try write("while-moved") }
        #expect(error?.kind == .moved)
        #expect(pool.storageHealth.snapshot.current?.kind == .moved)
        // Reads go on from the file the readers have open.
        #expect(try pool.read { try $0.scalar("SELECT count(*) FROM t", as: Int.self) } == 1)

        try FileManager.default.moveItem(atPath: aside, toPath: path)
        try write("after")
        #expect(pool.storageHealth.snapshot.current == nil)
        let tags = try pool.read { try $0.query("SELECT tag FROM t ORDER BY id").map { try $0.string("tag") } }
        #expect(tags == ["before", "after"])
    }

    @Test func writesAreRefusedOnceTheFileIsDeleted() throws {
        try FileManager.default.removeItem(atPath: path)
        let error = #expect(throws: StorageFault.self) { try write("into-a-deleted-file") }
        #expect(error?.kind == .moved)
        #expect(error?.message.contains("no longer exists") == true)
        #expect(throws: StorageFault.self) { try pool.writeAlone { try $0.execute("INSERT INTO t(tag) VALUES ('x')") } }
    }

    @Test func aFileReplacedAtThePathIsNotTheOneOpened() throws {
        let other = directory.path("other.sqlite")
        #expect(FileManager.default.createFile(atPath: other, contents: Data()))
        try FileManager.default.removeItem(atPath: path)
        try FileManager.default.moveItem(atPath: other, toPath: path)
        let error = #expect(throws: StorageFault.self) { try write("into-the-old-file") }
        #expect(error?.message.contains("different file") == true)
    }
}

@Suite struct StorageFaultClassificationTests {
    @Test func sqliteCodesNameTheirFault() {
        func kind(_ code: Int32, writing: Bool = true) -> StorageFault.Kind? {
            StorageFault.classify(DatabaseError(code: code, message: "m"), writing: writing)?.kind
        }
        #expect(kind(13) == .full)                  // SQLITE_FULL
        #expect(kind(10 | (3 << 8)) == .ioError)    // SQLITE_IOERR_WRITE
        #expect(kind(10 | (4 << 8)) == .ioError)    // SQLITE_IOERR_FSYNC
        #expect(kind(8 | (4 << 8)) == .moved)       // SQLITE_READONLY_DBMOVED
        #expect(kind(8) == .readOnly)               // SQLITE_READONLY on the writer
        #expect(kind(8, writing: false) == nil)     // a write tried on a reader: a bug, not the disk
        #expect(kind(19 | (8 << 8)) == nil)         // SQLITE_CONSTRAINT_UNIQUE
        #expect(kind(5) == nil)                     // SQLITE_BUSY
    }
}
