import CSQLite
import Foundation

/// One SQLite connection with a prepared-statement cache.
///
/// Not `Sendable`: one thread uses it at a time (``DatabasePool`` hands connections out). It is
/// opened in SQLite's multi-thread mode, so it may move between threads, but never be shared.
public final class Connection {
    /// How a connection is opened and configured.
    public struct Options: Sendable {
        /// Open read-only; the file must already exist.
        public var readOnly = false
        /// `PRAGMA synchronous`. FULL (the default) loses no acknowledged write on power loss.
        public var synchronous: Synchronous = .full
        /// How long a statement waits for a lock held elsewhere before failing with SQLITE_BUSY.
        public var busyTimeoutMilliseconds: Int32 = 5000
        /// Switch the file to WAL mode (writers only; the mode is stored in the file).
        public var walMode = true
        /// `PRAGMA foreign_keys`.
        public var foreignKeys = true
        /// Cached statements kept before the cache is emptied (protects against unbounded dynamic SQL).
        public var statementCacheLimit = 256
        /// `PRAGMA mmap_size`: bytes of the file read through a memory map instead of `pread`
        /// copies (0: none). Reads only; writes always go through SQLite's own I/O.
        public var mmapSizeBytes: Int64 = 0
        /// `PRAGMA temp_store=MEMORY`: temporary tables and, above all, the sub-journal that
        /// backs a savepoint stay in memory. Without it a savepoint that changes more than 64 KiB
        /// of pages creates, writes and deletes a temporary file (the group writer's jobs).
        public var tempStoreInMemory = false
        /// The name of a registered SQLite VFS to open the file through (nil: the default one).
        /// Tests open files through a fault-injecting VFS to fail writes on demand.
        public var vfsName: String?

        public init() {}
    }

    /// `PRAGMA synchronous` levels.
    public enum Synchronous: String, Sendable {
        case off = "OFF", normal = "NORMAL", full = "FULL"
    }

    /// The file path given at open.
    public let path: String
    public let options: Options
    private(set) var handle: OpaquePointer?
    private var cache: [String: Statement] = [:]
    /// Kept alive while SQLite's WAL hook points at it (``Connection/takeOverCheckpoints()``).
    var walFrameCounter: WALFrameCounter?
    /// Called with the unexpanded SQL of each statement as it starts (bound values are not shown).
    public var trace: ((String) -> Void)? {
        didSet { installTrace() }
    }

    /// Opens (and, unless read-only, creates) the database at `path` and applies `options`.
    public init(path: String, options: Options = Options()) throws {
        self.path = path
        self.options = options
        try Self.checkLocation(path, readOnly: options.readOnly)
        var db: OpaquePointer?
        let flags = (options.readOnly ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE)
            | SQLITE_OPEN_NOMUTEX
        let code = sqlite3_open_v2(path, &db, flags, options.vfsName)
        guard code == SQLITE_OK, let db else {
            let error = DatabaseError(connection: db, code: code)
            sqlite3_close_v2(db)
            throw DatabaseError(code: error.extendedCode, message: "cannot open \(path): \(error.message)")
        }
        self.handle = db
        sqlite3_extended_result_codes(db, 1)
        try configure()
    }

    deinit {
        close()
    }

    /// Finalizes cached statements and closes the handle. Idempotent.
    public func close() {
        cache.removeAll()
        // close_v2 defers the close until any statement still alive outside the cache is finalized.
        sqlite3_close_v2(handle)
        handle = nil
    }

    private func configure() throws {
        sqlite3_busy_timeout(handle, options.busyTimeoutMilliseconds)
        if options.walMode && !options.readOnly {
            let mode = try scalar("PRAGMA journal_mode=WAL")
            guard case .text(let name) = mode, name.lowercased() == "wal" else {
                throw DatabaseError(code: SQLITE_ERROR, message: "cannot switch \(path) to WAL mode")
            }
        }
        try execute("PRAGMA foreign_keys=\(options.foreignKeys ? "ON" : "OFF")")
        try execute("PRAGMA synchronous=\(options.synchronous.rawValue)")
        if options.mmapSizeBytes > 0 { _ = try scalar("PRAGMA mmap_size=\(options.mmapSizeBytes)") }
        if options.tempStoreInMemory { try execute("PRAGMA temp_store=MEMORY") }
    }

    /// Turns SQLite's terse "unable to open database file" into a message naming the cause.
    static func checkLocation(_ path: String, readOnly: Bool) throws {
        guard path != ":memory:", !path.isEmpty, !path.hasPrefix("file:") else { return }
        let files = FileManager.default
        let directory = URL(fileURLWithPath: path).deletingLastPathComponent().path
        var isDirectory: ObjCBool = false
        guard files.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw DatabaseError(code: SQLITE_CANTOPEN,
                                message: "cannot open \(path): directory \(directory) does not exist")
        }
        if readOnly {
            guard files.fileExists(atPath: path) else {
                throw DatabaseError(code: SQLITE_CANTOPEN, message: "cannot open \(path): no such file")
            }
            return
        }
        // WAL mode creates `-wal` and `-shm` files beside the database, so the directory must be writable.
        guard files.isWritableFile(atPath: directory) else {
            throw DatabaseError(code: SQLITE_CANTOPEN,
                                message: "cannot open \(path): directory \(directory) is not writable")
        }
        if files.fileExists(atPath: path), !files.isWritableFile(atPath: path) {
            throw DatabaseError(code: SQLITE_CANTOPEN, message: "cannot open \(path): file is not writable")
        }
    }

    func liveHandle(for sql: String? = nil) throws -> OpaquePointer {
        guard let handle else { throw DatabaseError.misuse("connection is closed", sql: sql) }
        return handle
    }

    // MARK: Statements

    /// Prepares a statement outside the cache (for statements the caller keeps and steps itself).
    public func prepare(_ sql: String) throws -> Statement {
        try Statement(connection: liveHandle(for: sql), sql: sql)
    }

    /// Returns the cached statement for `sql`, preparing it on first use.
    public func cachedStatement(_ sql: String) throws -> Statement {
        if let statement = cache[sql] { return statement }
        let statement = try prepare(sql)
        if cache.count >= options.statementCacheLimit { cache.removeAll(keepingCapacity: true) }
        cache[sql] = statement
        return statement
    }

    /// The number of statements in the cache.
    public var cachedStatementCount: Int { cache.count }

    // MARK: Running SQL

    /// Runs one statement with `arguments` bound to its `?` parameters; result rows are ignored.
    public func execute(_ sql: String, _ arguments: [any SQLValueConvertible] = []) throws {
        try cachedStatement(sql).run(arguments)
    }

    /// Runs one query and returns every row.
    public func query(_ sql: String, _ arguments: [any SQLValueConvertible] = []) throws -> [Row] {
        try cachedStatement(sql).rows(arguments)
    }

    /// The first row of a query, or `nil` when it returns none.
    public func queryOne(_ sql: String, _ arguments: [any SQLValueConvertible] = []) throws -> Row? {
        let statement = try cachedStatement(sql)
        defer { statement.reset() }
        try statement.bind(arguments)
        return try statement.step() ? statement.row() : nil
    }

    /// The first column of the first row, or `nil` when the query returns no row.
    public func scalar(_ sql: String, _ arguments: [any SQLValueConvertible] = []) throws -> SQLValue? {
        let statement = try cachedStatement(sql)
        defer { statement.reset() }
        try statement.bind(arguments)
        return try statement.step() ? statement.column(0) : nil
    }

    /// The first column of the first row as `T`; `nil` when there is no row or the value is NULL.
    public func scalar<T: SQLValueDecodable>(
        _ sql: String, _ arguments: [any SQLValueConvertible] = [], as type: T.Type
    ) throws -> T? {
        guard let value = try scalar(sql, arguments), !value.isNull else { return nil }
        guard let decoded = T.decode(from: value) else {
            throw RowDecodingError(column: "0", expected: "\(T.self)", found: value.kindName)
        }
        return decoded
    }

    /// Runs a script of several statements separated by semicolons (migrations, schema setup).
    /// Nothing can be bound: never build scripts from input.
    public func executeScript(_ sql: String) throws {
        let db = try liveHandle(for: sql)
        var message: UnsafeMutablePointer<CChar>?
        let code = sqlite3_exec(db, sql, nil, nil, &message)
        defer { sqlite3_free(message) }
        guard code == SQLITE_OK else {
            let text = message.map { String(cString: $0) } ?? DatabaseError(connection: db, code: code).message
            throw DatabaseError(code: sqlite3_extended_errcode(db), message: text, sql: sql)
        }
    }

    // MARK: State

    /// The rowid of the most recent successful INSERT on this connection.
    public var lastInsertRowID: Int64 { handle.map { sqlite3_last_insert_rowid($0) } ?? 0 }

    /// Rows changed by the most recent INSERT, UPDATE or DELETE.
    public var changes: Int { handle.map { Int(sqlite3_changes($0)) } ?? 0 }

    /// Rows changed since the connection opened.
    public var totalChanges: Int { handle.map { Int(sqlite3_total_changes($0)) } ?? 0 }

    /// Whether a transaction is open (SQLite is not in autocommit mode).
    public var isInTransaction: Bool { handle.map { sqlite3_get_autocommit($0) == 0 } ?? false }

    // MARK: Tracing

    private func installTrace() {
        guard let handle else { return }
        guard trace != nil else {
            sqlite3_trace_v2(handle, 0, nil, nil)
            return
        }
        // Unretained: the trace is removed when the handle closes, which happens before deinit ends.
        let context = Unmanaged.passUnretained(self).toOpaque()
        sqlite3_trace_v2(handle, UInt32(SQLITE_TRACE_STMT), { _, context, _, sqlText in
            guard let context, let sqlText else { return 0 }
            let connection = Unmanaged<Connection>.fromOpaque(context).takeUnretainedValue()
            // For TRACE_STMT the last argument is the unexpanded SQL: parameters stay as `?`.
            let text = String(cString: sqlText.assumingMemoryBound(to: CChar.self))
            connection.trace?(text)
            return 0
        }, context)
    }
}
