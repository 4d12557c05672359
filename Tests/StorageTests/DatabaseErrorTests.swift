import Testing
@testable import Storage

@Suite struct DatabaseErrorTests {
    let directory: TemporaryDirectory
    let db: Connection

    init() throws {
        directory = try TemporaryDirectory()
        db = try directory.connection()
        try db.executeScript("""
            CREATE TABLE institutions(id INTEGER PRIMARY KEY, code TEXT NOT NULL UNIQUE, name TEXT);
            CREATE TABLE pairs(a TEXT, b TEXT, UNIQUE(a, b));
            CREATE TABLE reports(id INTEGER PRIMARY KEY, institution_id INTEGER NOT NULL REFERENCES institutions(id));
            """)
    }

    @Test func uniqueViolationNamesTheColumn() throws {
        try db.execute("INSERT INTO institutions(code, name) VALUES (?, ?)", ["A1", "一中"])
        let error = #expect(throws: DatabaseError.self) {
            try db.execute("INSERT INTO institutions(code, name) VALUES (?, ?)", ["A1", "二中"])
        }
        #expect(error?.isUniqueConstraint == true)
        #expect(error?.isConstraintViolation == true)
        #expect(error?.uniqueColumns == ["code"])
        #expect(error?.uniqueTable == "institutions")
    }

    @Test func compositeUniqueViolationNamesEveryColumn() throws {
        try db.execute("INSERT INTO pairs VALUES ('x', 'y')")
        let error = #expect(throws: DatabaseError.self) { try db.execute("INSERT INTO pairs VALUES ('x', 'y')") }
        #expect(error?.uniqueColumns == ["a", "b"])
    }

    @Test func primaryKeyViolationCountsAsUnique() throws {
        try db.execute("INSERT INTO institutions(id, code) VALUES (1, 'a')")
        let error = #expect(throws: DatabaseError.self) {
            try db.execute("INSERT INTO institutions(id, code) VALUES (1, 'b')")
        }
        #expect(error?.isUniqueConstraint == true)
        #expect(error?.uniqueColumns == ["id"])
    }

    @Test func foreignKeyViolationIsRecognised() throws {
        let error = #expect(throws: DatabaseError.self) {
            try db.execute("INSERT INTO reports(institution_id) VALUES (?)", [42])
        }
        #expect(error?.isForeignKeyConstraint == true)
        #expect(error?.isUniqueConstraint == false)
        #expect(error?.uniqueColumns == [])
    }

    @Test func descriptionShowsSQLButNeverArguments() throws {
        try db.execute("INSERT INTO institutions(code) VALUES (?)", ["secret-code-123"])
        let error = #expect(throws: DatabaseError.self) {
            try db.execute("INSERT INTO institutions(code) VALUES (?)", ["secret-code-123"])
        }
        let text = error.map { String(describing: $0) } ?? ""
        #expect(text.contains("INSERT INTO institutions(code) VALUES (?)"))
        #expect(text.contains("UNIQUE constraint failed"))
        #expect(!text.contains("secret-code-123"))
    }

    @Test func syntaxErrorCarriesTheSQL() {
        let error = #expect(throws: DatabaseError.self) { try db.execute("SELEC 1") }
        #expect(error?.sql == "SELEC 1")
        #expect(error?.message.contains("syntax error") == true)
    }
}

@Test func lockHeldBeyondTheBusyTimeoutIsReportedAsBusy() throws {
    let directory = try TemporaryDirectory()
    let holder = try directory.connection()
    var options = Connection.Options()
    options.busyTimeoutMilliseconds = 20
    let waiter = try directory.connection(options: options)
    try holder.execute("BEGIN IMMEDIATE")
    defer { try? holder.execute("ROLLBACK") }
    let error = #expect(throws: DatabaseError.self) { try waiter.execute("BEGIN IMMEDIATE") }
    #expect(error?.isBusy == true)
}
