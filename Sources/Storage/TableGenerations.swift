import CSQLite
import Glibc
import Locking

/// A counter per table, bumped after each write transaction that changed a row of it. A cache
/// that depends on a few tables keys on their sum, so it survives writes elsewhere: a ranking
/// stays valid while clerks post ledger entries all day.
///
/// Bumped like the write generation: after the transaction's outcome is known and before its
/// callers are answered (a rolled-back change bumps too; that only costs a recomputation).
public final class TableGenerations: Sendable {
    private let counters = Locked<[String: Int]>([:])
    /// Writes by another process: the update hook never sees which tables they changed, so
    /// each one counts as a change of every table (``bumpAll()``).
    private let outside = Locked<Int>(0)

    /// Grows whenever one of `tables` changes; equal values mean none of them has since.
    public func generation(of tables: [String]) -> Int {
        counters.withLock { counters in tables.reduce(0) { $0 + (counters[$1] ?? 0) } } + outside.withLock { $0 }
    }

    /// Another process wrote to the database: every table may have changed.
    func bumpAll() {
        outside.withLock { $0 += 1 }
    }

    func bump(_ tables: [String]) {
        guard !tables.isEmpty else { return }
        counters.withLock { counters in
            for table in tables { counters[table, default: 0] += 1 }
        }
    }
}

/// Collects the names of the tables whose rows a connection changes, through SQLite's update
/// hook. Lives on the writer thread with its connection; not Sendable.
final class ChangedTables {
    /// Names seen since the last drain, as C strings: a transaction touches a handful of tables
    /// but may change thousands of rows, so each row costs a compare, not a String.
    private var names: [[CChar]] = []

    /// Starts collecting the changes of `connection`; keep the returned object as long as it is open.
    static func install(on connection: Connection) -> ChangedTables {
        let collector = ChangedTables()
        let hook: @convention(c) (UnsafeMutableRawPointer?, Int32, UnsafePointer<CChar>?, UnsafePointer<CChar>?,
                                  sqlite3_int64) -> Void = { context, _, _, table, _ in
            guard let context, let table else { return }
            Unmanaged<ChangedTables>.fromOpaque(context).takeUnretainedValue().note(table)
        }
        sqlite3_update_hook(connection.handle, hook, Unmanaged.passUnretained(collector).toOpaque())
        return collector
    }

    private func note(_ table: UnsafePointer<CChar>) {
        let length = strlen(table)
        for name in names where name.count == length && memcmp(name, table, length) == 0 { return }
        names.append(Array(UnsafeBufferPointer(start: table, count: length)))
    }

    /// The tables changed since the last call.
    func drain() -> [String] {
        defer { names.removeAll(keepingCapacity: true) }
        return names.map { String(decoding: $0.map { UInt8(bitPattern: $0) }, as: UTF8.self) }
    }
}
