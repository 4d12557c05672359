import Testing
@testable import Storage

private struct Boom: Error {}

@Suite struct TransactionTests {
    let directory: TemporaryDirectory
    let db: Connection

    init() throws {
        directory = try TemporaryDirectory()
        db = try directory.connection()
        try db.execute("CREATE TABLE t(id INTEGER PRIMARY KEY, v TEXT)")
    }

    private func count() throws -> Int {
        try db.scalar("SELECT count(*) FROM t", as: Int.self) ?? -1
    }

    @Test func transactionCommitsWhenBodyReturns() throws {
        let id = try db.transaction { db in
            try db.execute("INSERT INTO t(v) VALUES ('a')")
            return db.lastInsertRowID
        }
        #expect(id == 1)
        #expect(!db.isInTransaction)
        let other = try directory.connection()
        #expect(try other.scalar("SELECT v FROM t WHERE id = ?", [id]) == .text("a"))
    }

    @Test func transactionRollsBackWhenBodyThrows() throws {
        var traced: [String] = []
        db.trace = { traced.append($0) }
        #expect(throws: Boom.self) {
            try db.transaction { db in
                try db.execute("INSERT INTO t(v) VALUES ('a')")
                throw Boom()
            }
        }
        db.trace = nil
        #expect(try count() == 0)
        #expect(!db.isInTransaction)
        #expect(traced.contains("ROLLBACK TRANSACTION"))
        #expect(!traced.contains("COMMIT TRANSACTION"))
    }

    @Test func transactionRethrowsTheBodyErrorWhenSQLiteAlreadyRolledBack() throws {
        #expect(throws: Boom.self) {
            try db.transaction { db in
                try db.execute("INSERT INTO t(v) VALUES ('a')")
                try db.execute("ROLLBACK")
                throw Boom()
            }
        }
        #expect(try count() == 0)
    }

    @Test func failedStatementInsideTransactionRollsEverythingBack() throws {
        try db.execute("INSERT INTO t(id, v) VALUES (1, 'a')")
        #expect(throws: DatabaseError.self) {
            try db.transaction { db in
                try db.execute("INSERT INTO t(id, v) VALUES (2, 'b')")
                try db.execute("INSERT INTO t(id, v) VALUES (1, 'duplicate')")
            }
        }
        #expect(try count() == 1)
    }

    @Test func nestedSavepointRollbackKeepsTheOuterChanges() throws {
        try db.transaction { db in
            try db.execute("INSERT INTO t(v) VALUES ('outer')")
            #expect(throws: Boom.self) {
                try db.savepoint("inner") { db in
                    try db.execute("INSERT INTO t(v) VALUES ('inner')")
                    throw Boom()
                }
            }
            try db.savepoint("kept") { db in
                try db.execute("INSERT INTO t(v) VALUES ('kept')")
            }
        }
        let values = try db.query("SELECT v FROM t ORDER BY id").map { try $0.string("v") }
        #expect(values == ["outer", "kept"])
    }

    @Test func transactionInsideTransactionBecomesASavepoint() throws {
        try db.transaction { db in
            try db.execute("INSERT INTO t(v) VALUES ('outer')")
            #expect(throws: Boom.self) {
                try db.transaction { db in
                    try db.execute("INSERT INTO t(v) VALUES ('helper')")
                    throw Boom()
                }
            }
        }
        #expect(try count() == 1)
    }

    @Test func savepointOutsideTransactionCommitsOnRelease() throws {
        try db.savepoint { db in try db.execute("INSERT INTO t(v) VALUES ('a')") }
        #expect(!db.isInTransaction)
        #expect(try count() == 1)
    }

    @Test func savepointNamesAreQuoted() throws {
        try db.transaction { db in
            try db.savepoint("odd \"name\"") { db in try db.execute("INSERT INTO t(v) VALUES ('a')") }
        }
        #expect(try count() == 1)
    }
}
