import Testing
@testable import Storage

@Suite struct TableGenerationsTests {
    struct Boom: Error {}

    let directory: TemporaryDirectory
    let pool: DatabasePool

    init() throws {
        directory = try TemporaryDirectory()
        pool = try DatabasePool(path: directory.path("db.sqlite"))
        try pool.writeAlone { db in
            try db.executeScript("""
                CREATE TABLE reports(id INTEGER PRIMARY KEY, v TEXT);
                CREATE TABLE entries(id INTEGER PRIMARY KEY, v TEXT);
                CREATE TABLE totals(n INTEGER);
                INSERT INTO totals VALUES (0);
                CREATE TRIGGER entries_total AFTER INSERT ON entries BEGIN UPDATE totals SET n = n + 1; END;
                """)
        }
    }

    @Test func aWriteMovesOnlyTheTablesItChanged() throws {
        let reports = pool.generation(ofTables: ["reports"])
        let both = pool.generation(ofTables: ["reports", "entries"])
        try pool.write { try $0.execute("INSERT INTO entries(v) VALUES ('a')") }
        #expect(pool.generation(ofTables: ["reports"]) == reports)
        #expect(pool.generation(ofTables: ["reports", "entries"]) > both)
        // Rows a trigger changes count for their table too.
        #expect(pool.generation(ofTables: ["totals"]) > 0)

        try pool.write { try $0.execute("UPDATE reports SET v = 'x' WHERE id = 12345") }  // no row changed
        #expect(pool.generation(ofTables: ["reports"]) == reports)
        try pool.write { try $0.execute("INSERT INTO reports(v) VALUES ('r')") }
        #expect(pool.generation(ofTables: ["reports"]) > reports)
    }

    @Test func everyKindOfWriteIsCountedBeforeItsCallerReturns() throws {
        var last = pool.generation(ofTables: ["entries"])
        func moved() -> Bool {
            let now = pool.generation(ofTables: ["entries"])
            defer { last = now }
            return now > last
        }
        try pool.write { try $0.execute("INSERT INTO entries(v) VALUES ('grouped')") }
        #expect(moved())
        try pool.writeAlone { try $0.execute("INSERT INTO entries(v) VALUES ('alone')") }
        #expect(moved())
        try pool.writeWithoutTransaction { try $0.execute("DELETE FROM entries WHERE v = 'alone'") }
        #expect(moved())
        // A rolled-back change may bump (a needless recomputation), never the reverse.
        #expect(throws: Boom.self) {
            try pool.write { db in
                try db.execute("INSERT INTO entries(v) VALUES ('lost')")
                throw Boom()
            }
        }
        #expect(try pool.read { try $0.scalar("SELECT COUNT(*) FROM entries WHERE v = 'lost'", as: Int.self) } == 0)
    }
}
