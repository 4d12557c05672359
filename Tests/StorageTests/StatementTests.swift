import Testing
@testable import Storage

@Suite struct StatementTests {
    let directory: TemporaryDirectory
    let db: Connection

    init() throws {
        directory = try TemporaryDirectory()
        db = try directory.connection()
        try db.execute("CREATE TABLE t(id INTEGER PRIMARY KEY, v ANY) STRICT")
    }

    private func roundTrip(_ value: SQLValue) throws -> SQLValue? {
        try db.execute("DELETE FROM t")
        try db.execute("INSERT INTO t(id, v) VALUES (1, ?)", [value])
        return try db.scalar("SELECT v FROM t WHERE id = 1")
    }

    @Test func everyValueKindRoundTrips() throws {
        let values: [SQLValue] = [
            .null, .integer(0), .integer(Int64.max), .integer(Int64.min), .real(3.25), .real(-0.5),
            .text(""), .text("hello"), .blob([]), .blob([0, 1, 2, 255]),
        ]
        for value in values {
            #expect(try roundTrip(value) == value)
        }
    }

    @Test func textContainingNULSurvivesIntact() throws {
        let text = "before\u{0}after"
        #expect(try roundTrip(.text(text)) == .text(text))
        #expect(try db.scalar("SELECT length(CAST(v AS BLOB)) FROM t", as: Int.self) == 12)
    }

    @Test func chineseTextAndEmojiRoundTrip() throws {
        let text = "垃圾分类监督 · 厨余垃圾 🗑️"
        #expect(try roundTrip(.text(text)) == .text(text))
    }

    @Test func blobsKeepEveryByte() throws {
        let bytes = (0...255).map { UInt8($0) } + [0, 0]
        #expect(try roundTrip(.blob(bytes)) == .blob(bytes))
    }

    @Test func emptyStringAndEmptyBlobAreNotNull() throws {
        #expect(try roundTrip(.text("")) == .text(""))
        #expect(try roundTrip(.blob([])) == .blob([]))
        #expect(try db.scalar("SELECT v IS NULL FROM t", as: Bool.self) == false)
    }

    @Test func swiftValuesBindThroughSQLValueConvertible() throws {
        let name = "机构"
        let missing: String? = nil
        try db.execute("CREATE TABLE m(a, b, c, d, e, f)")
        try db.execute("INSERT INTO m VALUES (?, ?, ?, ?, ?, ?)", [name, 3, true, 2.5, missing, [UInt8]([7])])
        let row = try #require(try db.queryOne("SELECT * FROM m"))
        #expect(try row.string("a") == name)
        #expect(try row.int("b") == 3)
        #expect(try row.bool("c") == true)
        #expect(try row.double("d") == 2.5)
        #expect(try row.optionalString("e") == nil)
        #expect(try row.blob("f") == [7])
    }

    @Test func literalsBuildSQLValues() {
        let values: [SQLValue] = [nil, 1, 2.5, "x", true]
        #expect(values == [.null, .integer(1), .real(2.5), .text("x"), .integer(1)])
    }

    @Test func argumentCountMismatchThrowsBeforeBinding() throws {
        let error = #expect(throws: DatabaseError.self) {
            try db.execute("INSERT INTO t(id, v) VALUES (?, ?)", [1])
        }
        #expect(error?.message.contains("expects 2, got 1") == true)
        #expect(try db.scalar("SELECT count(*) FROM t", as: Int.self) == 0)
        #expect(throws: DatabaseError.self) { try db.execute("SELECT 1", [1]) }
    }

    @Test func cachedStatementIsReusedForTheSameSQL() throws {
        let sql = "INSERT INTO t(id, v) VALUES (?, ?)"
        let first = try db.cachedStatement(sql)
        try db.execute(sql, [1, "a"])
        try db.execute(sql, [2, "b"])
        #expect(try db.cachedStatement(sql) === first)
        #expect(try db.scalar("SELECT count(*) FROM t", as: Int.self) == 2)
    }

    @Test func cachedStatementIsUsableAgainAfterAFailure() throws {
        let sql = "INSERT INTO t(id, v) VALUES (?, ?)"
        try db.execute(sql, [1, "a"])
        #expect(throws: DatabaseError.self) { try db.execute(sql, [1, "again"]) }
        try db.execute(sql, [2, "b"])
        #expect(try db.scalar("SELECT count(*) FROM t", as: Int.self) == 2)
    }

    @Test func severalStatementsInOneCallAreRefused() throws {
        #expect(throws: DatabaseError.self) { try db.execute("DELETE FROM t; DROP TABLE t") }
        #expect(try db.scalar("SELECT count(*) FROM sqlite_schema WHERE name = 't'", as: Int.self) == 1)
    }

    @Test func executeScriptRunsEveryStatement() throws {
        try db.executeScript("CREATE TABLE a(x); INSERT INTO a VALUES (1); INSERT INTO a VALUES (2);")
        #expect(try db.scalar("SELECT sum(x) FROM a", as: Int.self) == 3)
    }

    @Test func lastInsertRowIDAndChangesReportTheLastStatement() throws {
        try db.execute("INSERT INTO t(v) VALUES ('a')")
        try db.execute("INSERT INTO t(v) VALUES ('b')")
        #expect(db.lastInsertRowID == 2)
        try db.execute("UPDATE t SET v = 'c'")
        #expect(db.changes == 2)
    }

    @Test func rowAccessorsThrowOnNullMissingColumnAndWrongType() throws {
        let row = try #require(try db.queryOne("SELECT NULL AS n, 'x' AS s, 4 AS i"))
        #expect(throws: RowDecodingError.self) { try row.int("n") }
        #expect(try row.optionalInt("n") == nil)
        #expect(throws: RowDecodingError.self) { try row.string("absent") }
        #expect(throws: RowDecodingError.self) { try row.int("s") }
        #expect(try row.int("I") == 4)
        #expect(row["s"] == .text("x"))
        #expect(row["absent"] == nil)
        #expect(row[2] == .integer(4))
        #expect(row.columnNames == ["n", "s", "i"])
    }

    @Test func rowDescriptionHidesValues() throws {
        let row = try #require(try db.queryOne("SELECT 'secret' AS password"))
        #expect(!row.description.contains("secret"))
    }
}

@Test func cachedSelectStarSeesColumnsAddedLater() throws {
    let directory = try TemporaryDirectory()
    let db = try directory.connection()
    try db.execute("CREATE TABLE t(a)")
    try db.execute("INSERT INTO t VALUES (1)")
    #expect(try db.queryOne("SELECT * FROM t")?.columnNames == ["a"])
    try db.execute("ALTER TABLE t ADD COLUMN b DEFAULT 2")
    let row = try #require(try db.queryOne("SELECT * FROM t"))
    #expect(row.columnNames == ["a", "b"])
    #expect(try row.int("b") == 2)
}
