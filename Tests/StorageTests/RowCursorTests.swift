import Testing
@testable import Storage

@Suite struct RowCursorTests {
    let directory: TemporaryDirectory
    let db: Connection

    init() throws {
        directory = try TemporaryDirectory()
        db = try directory.connection()
        try db.execute("CREATE TABLE t(id INTEGER PRIMARY KEY, name TEXT, flag INTEGER, note TEXT)")
        try db.execute("INSERT INTO t VALUES (1, '厨余垃圾', 1, NULL), (2, '', 0, 'x'), (3, 'b', NULL, 'y')")
    }

    @Test func readsEveryRowByPositionInOrder() throws {
        var seen: [String] = []
        try db.forEachRow("SELECT id, name, flag, note FROM t WHERE id <= ? ORDER BY id", [2]) { row in
            seen.append("\(try row.int64(0))|\(try row.string(1))|\(try row.bool(2))|\(try row.optionalString(3) ?? "nil")")
        }
        #expect(seen == ["1|厨余垃圾|true|nil", "2||false|x"])
    }

    @Test func bytesOfATextColumnAreItsUTF8() throws {
        var lengths: [Int] = []
        try db.forEachRow("SELECT name FROM t ORDER BY id") { row in
            lengths.append(try row.withUTF8(0) { $0.count })
        }
        #expect(lengths == [12, 0, 1])
    }

    @Test func nullOrAnotherTypeWhereAValueIsRequiredThrowsWithoutTheValue() throws {
        #expect(throws: RowDecodingError.self) {
            try db.forEachRow("SELECT flag FROM t WHERE id = 3") { row in _ = try row.int64(0) }
        }
        do {
            try db.forEachRow("SELECT name FROM t WHERE id = 1") { row in _ = try row.int64(0) }
            Issue.record("a text read as an integer must throw")
        } catch let error as RowDecodingError {
            #expect(error.found == "TEXT")
            #expect(!error.description.contains("厨余"))
        }
        var optional: [Int64?] = []
        try db.forEachRow("SELECT flag FROM t ORDER BY id") { row in optional.append(try row.optionalInt64(0)) }
        #expect(optional == [1, 0, nil])
    }

    @Test func aThrowInTheBodyStopsAndLeavesTheStatementReusable() throws {
        struct Stop: Error {}
        var calls = 0
        #expect(throws: Stop.self) {
            try db.forEachRow("SELECT id FROM t ORDER BY id") { _ in calls += 1; throw Stop() }
        }
        #expect(calls == 1)
        var ids: [Int64] = []
        try db.forEachRow("SELECT id FROM t ORDER BY id") { row in ids.append(try row.int64(0)) }
        #expect(ids == [1, 2, 3])
    }
}
