import Foundation

/// A fixed set of read-only connections lent out one borrower at a time.
///
/// `@unchecked Sendable` is safe because `idle` and `closed` are only touched while holding
/// `condition`, and a borrowed connection is used only by the thread that borrowed it until it is
/// given back (the lock hand-off orders its accesses across threads).
final class ReaderPool: @unchecked Sendable {
    private let condition = NSCondition()
    private var idle: [Connection]
    private let size: Int
    private var closed = false
    private var drained = false

    init(connections: [Connection]) {
        precondition(!connections.isEmpty, "a reader pool needs at least one connection")
        self.idle = connections
        self.size = connections.count
    }

    /// Takes an idle connection, waiting while all are busy; throws once the pool is closed.
    func borrow() throws -> Connection {
        condition.lock()
        defer { condition.unlock() }
        while idle.isEmpty && !closed { condition.wait() }
        guard !closed, let connection = idle.popLast() else {
            throw DatabaseError.misuse("database pool is closed")
        }
        return connection
    }

    func giveBack(_ connection: Connection) {
        condition.lock()
        idle.append(connection)
        condition.broadcast()
        condition.unlock()
    }

    /// Refuses new borrowers, waits for every connection to come back, and closes them all.
    func close() {
        condition.lock()
        closed = true
        condition.broadcast()
        while idle.count < size && !drained { condition.wait() }
        guard !drained else {
            condition.unlock()
            return
        }
        drained = true
        let connections = idle
        idle = []
        condition.unlock()
        connections.forEach { $0.close() }
    }
}
