import Foundation

/// How a transaction takes its locks.
public enum TransactionKind: String, Sendable {
    /// Takes locks on first use: right for read-only snapshots.
    case deferred = "DEFERRED"
    /// Takes the write lock at BEGIN, so the body never fails half-way with SQLITE_BUSY on upgrade.
    case immediate = "IMMEDIATE"
    /// Like immediate; in WAL mode SQLite treats the two the same.
    case exclusive = "EXCLUSIVE"
}

extension Connection {
    /// Runs `body` in a transaction: commits when it returns, rolls back when it throws and
    /// rethrows its error (the first error wins even when the rollback fails too).
    ///
    /// Inside an open transaction the body runs in a savepoint instead, so helpers that make a
    /// multi-row change in `transaction { }` compose with callers that already opened one.
    @discardableResult
    public func transaction<T>(_ kind: TransactionKind = .immediate, _ body: (Connection) throws -> T) throws -> T {
        if isInTransaction {
            return try savepoint("nested_transaction", body)
        }
        try execute("BEGIN \(kind.rawValue) TRANSACTION")
        let result: T
        do {
            result = try body(self)
        } catch {
            rollbackQuietly()
            throw error
        }
        do {
            try execute("COMMIT TRANSACTION")
        } catch {
            rollbackQuietly()
            throw error
        }
        return result
    }

    /// Runs `body` inside `SAVEPOINT name`: released when it returns, rolled back to (leaving the
    /// enclosing transaction intact) when it throws. Outside a transaction it behaves like one.
    @discardableResult
    public func savepoint<T>(_ name: String = "savepoint", _ body: (Connection) throws -> T) throws -> T {
        let quoted = Self.quoteIdentifier(name)
        try execute("SAVEPOINT \(quoted)")
        let result: T
        do {
            result = try body(self)
        } catch {
            rollbackQuietly(toSavepoint: quoted)
            throw error
        }
        do {
            try execute("RELEASE SAVEPOINT \(quoted)")
        } catch {
            rollbackQuietly(toSavepoint: quoted)
            throw error
        }
        return result
    }

    /// Rolls back the open transaction, ignoring failures: the caller is already reporting the
    /// error that caused the rollback, and SQLite may have rolled back by itself (SQLITE_FULL, …).
    func rollbackQuietly() {
        guard isInTransaction else { return }
        try? execute("ROLLBACK TRANSACTION")
    }

    /// Undoes a savepoint's changes and removes it from the stack.
    func rollbackQuietly(toSavepoint quoted: String) {
        guard isInTransaction else { return }
        try? execute("ROLLBACK TRANSACTION TO SAVEPOINT \(quoted)")
        try? execute("RELEASE SAVEPOINT \(quoted)")
    }

    /// Quotes an SQL identifier: `a"b` → `"a""b"`.
    static func quoteIdentifier(_ name: String) -> String {
        // The group writer opens a savepoint per job: skip Foundation's search when there is
        // nothing to double (always, for the names this package uses).
        guard name.utf8.contains(UInt8(ascii: "\"")) else { return "\"" + name + "\"" }
        return "\"" + name.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
