import CSQLite
import Foundation
import Locking
import Synchronization

extension Connection {
    /// `PRAGMA data_version`: changes when another connection (in this process or another one)
    /// has committed since this connection last looked; never for this connection's own commits.
    func dataVersion() throws -> Int {
        try scalar("PRAGMA data_version", as: Int.self) ?? 0
    }
}

/// Notices commits made by other processes (the CLI's `import`, `user`, `token` commands) so
/// that caches keyed on ``TableGenerations`` do not keep serving answers from before them.
///
/// Two views of SQLite's `data_version` are combined (see docs/DECISIONS.md, "Outside writes"):
/// - the writer reads its own after each transaction: since only the writer commits in this
///   process, a change there is always another process's commit;
/// - a watch connection, polled at most every ``interval`` from the cache lookups, notices them
///   while the writer is idle. Its version also moves on our own commits, so a change while our
///   write generation stayed put is an outside write; a change together with our own writes is
///   settled by asking the writer (a probe job, without waiting for it).
final class OutsideWriteWatch: Sendable {
    /// Longest time an outside write can go unnoticed by a request (plus one probe).
    static let interval: UInt64 = 2_000_000  // ns

    private struct State {
        let connection: Connection
        var dataVersion: Int
        var writeGeneration: Int
    }

    private let state: Locked<State>?
    private let nextCheck = Atomic<UInt64>(0)

    /// `connection` is a read-only connection used for nothing else.
    init(connection: Connection?, writeGeneration: Int) {
        let version = (try? connection?.dataVersion()) ?? nil
        if let connection, let version {
            state = Locked(State(connection: connection, dataVersion: version, writeGeneration: writeGeneration))
        } else {
            state = nil
        }
    }

    /// Looks at the watch connection when the interval has passed and no other thread is looking.
    /// `probe` asks the writer to settle an ambiguous change.
    func poll(writeGeneration: () -> Int, outsideWrite: () -> Void, probe: () -> Void) {
        guard let state else { return }
        let now = DispatchTime.now().uptimeNanoseconds
        let due = nextCheck.load(ordering: .relaxed)
        guard now >= due, nextCheck.compareExchange(expected: due, desired: now + Self.interval, ordering: .relaxed).exchanged else {
            return
        }
        // Our generation is read on both sides of the version: a commit of ours landing in
        // between makes the change ambiguous (settled by the writer), never an outside write.
        let generation = writeGeneration()
        enum Finding { case nothing, outside, ambiguous }
        let finding: Finding = state.withLock { state in
            guard let version = try? state.connection.dataVersion() else { return .nothing }
            let after = writeGeneration()
            defer {
                state.dataVersion = version
                state.writeGeneration = after
            }
            guard version != state.dataVersion else { return .nothing }
            return generation == state.writeGeneration && after == generation ? .outside : .ambiguous
        }
        switch finding {
        case .nothing: break
        case .outside: outsideWrite()
        case .ambiguous: probe()
        }
    }

    func close() {
        state?.withLock { $0.connection.close() }
    }
}
