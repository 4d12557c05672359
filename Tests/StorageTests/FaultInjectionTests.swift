import CSQLite
import Foundation
import Testing
@testable import Storage

/// One injected failure: where it strikes, with which SQLite code, and the fault callers must see.
struct InjectedFault: Sendable, CustomStringConvertible {
    let point: FaultVFS.Point
    let code: Int32
    let kind: StorageFault.Kind
    var description: String { "\(point) fails with \(code)" }
}

/// Failures injected through the fault VFS at each point of a write's life (the matrix in
/// docs/RELIABILITY.md): no caller may hear "written" for a change that did not commit, and the
/// writer thread must take the next write as if nothing happened.
///
/// Serialized: the VFS's arming is process-wide, and only this suite opens files through it.
@Suite(.serialized) struct FaultInjectionTests {
    static let commitFaults = [
        InjectedFault(point: .walWrite, code: SQLITE_FULL, kind: .full),
        InjectedFault(point: .walWrite, code: FaultVFS.ioErrWrite, kind: .ioError),
        InjectedFault(point: .walSync, code: FaultVFS.ioErrFsync, kind: .ioError),
    ]

    @Test(arguments: commitFaults)
    func aGroupWhoseCommitFailsIsToldSoAndNothingOfItSurvives(_ fault: InjectedFault) throws {
        let database = try FaultyDatabase()
        let tags = (1...5).map { "commit-\($0)" }
        let outcomes = database.groupedWrites(tags.map(insert)) {
            FaultVFS.arm(fault.point, code: fault.code)
        }
        #expect(FaultVFS.injected > 0)
        for tag in tags {
            #expect(faultKind(outcomes[tag]) == fault.kind, "\(tag) was answered \(String(describing: outcomes[tag]))")
        }
        #expect(database.pool.storageHealth.snapshot.current?.kind == fault.kind)

        FaultVFS.disarm()
        try database.pool.write { try insert("after").body($0) }
        #expect(database.pool.storageHealth.snapshot.current == nil)
        #expect(try database.tagsAfterRestart() == ["after"])
    }

    @Test func aLoneWriteWhoseCommitFailsIsToldSo() throws {
        let database = try FaultyDatabase()
        FaultVFS.arm(.walWrite, code: SQLITE_FULL)
        #expect(throws: StorageFault.self) {
            try database.pool.writeAlone { try insert("alone").body($0) }
        }
        FaultVFS.disarm()
        try database.pool.writeAlone { try insert("after").body($0) }
        #expect(try database.tagsAfterRestart() == ["after"])
    }

    @Test func aStatementThatFailsMidwayFailsItsCallerAndNoOtherIsMisled() throws {
        let database = try FaultyDatabase()
        let writes = [insert("before"), bulkInsert("bulk"), insert("later")]
        // One failure: the first WAL write after the release is the bulk insert's cache spill.
        let outcomes = database.groupedWrites(writes) {
            FaultVFS.arm(.walWrite, code: SQLITE_FULL, count: 1)
        }
        #expect(FaultVFS.injected == 1)
        #expect(faultKind(outcomes["bulk"]) == .full)
        let survived = try database.tagsAfterRestart()
        #expect(!survived.contains { $0.hasPrefix("bulk-") })
        expectEveryAcknowledgedWrite(outcomes, in: survived)
    }

    static let checkpointFaults = [
        InjectedFault(point: .databaseWrite, code: SQLITE_FULL, kind: .full),
        InjectedFault(point: .databaseWrite, code: FaultVFS.ioErrWrite, kind: .ioError),
        InjectedFault(point: .databaseSync, code: FaultVFS.ioErrFsync, kind: .ioError),
    ]

    /// The writer checkpoints after answering: a failed checkpoint leaves the pages in the WAL,
    /// where the committed writes already are, and nobody is told anything false.
    @Test(arguments: checkpointFaults)
    func aFailedCheckpointLosesNoCommittedWrite(_ fault: InjectedFault) throws {
        let database = try FaultyDatabase()
        FaultVFS.arm(fault.point, code: fault.code)
        // 5 MiB in one commit: over the 1000 frames after which the writer checkpoints.
        try database.pool.write { try bulkInsert("bulk", megabytes: 5).body($0) }
        try database.pool.write { try insert("after-checkpoint").body($0) }
        #expect(FaultVFS.injected > 0)
        let survived = try database.tagsAfterRestart()
        #expect(survived.count == 5 * 256 + 1)
        #expect(survived.contains("after-checkpoint"))
    }

    @Test func aFailedWALTruncationIsReportedAndTheWriterGoesOn() throws {
        let database = try FaultyDatabase()
        try database.pool.write { try insert("before").body($0) }
        FaultVFS.arm(.walTruncate, code: FaultVFS.ioErrTruncate)
        let error = #expect(throws: StorageFault.self) {
            try database.pool.writeWithoutTransaction { try $0.checkpoint() }
        }
        #expect(error?.kind == .ioError)
        #expect(error?.extendedCode == FaultVFS.ioErrTruncate)
        FaultVFS.disarm()
        try database.pool.write { try insert("after").body($0) }
        #expect(try database.tagsAfterRestart() == ["before", "after"])
    }

    @Test func everyInjectedFailureLeavesAWriterThatCommitsTheNextWrite() throws {
        let database = try FaultyDatabase()
        let faults = Self.commitFaults + Self.checkpointFaults
        for (index, fault) in faults.enumerated() {
            FaultVFS.arm(fault.point, code: fault.code)
            _ = try? database.pool.write { try bulkInsert("round-\(index)", megabytes: 5).body($0) }
            FaultVFS.disarm()
            try database.pool.write { try insert("next-\(index)").body($0) }
        }
        let survived = try database.tagsAfterRestart()
        #expect(faults.indices.allSatisfy { survived.contains("next-\($0)") })
    }

    @Test func theConditionClearsByItselfOnceWritesSucceedAgain() throws {
        let database = try FaultyDatabase()
        FaultVFS.arm(.walWrite, code: SQLITE_FULL)
        _ = try? database.pool.write { try insert("refused").body($0) }
        #expect(database.pool.storageHealth.snapshot.current?.kind == .full)
        database.pool.recheckStorage()  // still full: the probe fails too
        #expect(database.pool.storageHealth.snapshot.current?.kind == .full)
        #expect((database.pool.storageHealth.snapshot.failures[.full] ?? 0) >= 1)

        FaultVFS.disarm()
        let deadline = Date().addingTimeInterval(10)
        // The probe runs at most once a second.
        while database.pool.storageHealth.snapshot.current != nil && Date() < deadline {
            database.pool.recheckStorage()
            usleep(50_000)
        }
        #expect(database.pool.storageHealth.snapshot.current == nil)
        // Reads went on throughout, and the refused write is not there.
        #expect(try database.pool.read { try $0.scalar("SELECT count(*) FROM t", as: Int.self) } == 0)
    }
}

/// The kind of storage fault a write was answered with; nil for success or another error.
func faultKind(_ outcome: Result<Void, Error>?) -> StorageFault.Kind? {
    guard case .failure(let error)? = outcome else { return nil }
    return (error as? StorageFault)?.kind
}

/// Every write answered with success is on disk (for a bulk insert tagged `x`: rows `x-1`…).
func expectEveryAcknowledgedWrite(_ outcomes: [String: Result<Void, Error>], in survived: Set<String>,
                                  sourceLocation: SourceLocation = #_sourceLocation) {
    for (tag, outcome) in outcomes {
        guard case .success = outcome else { continue }
        let present = survived.contains(tag) || survived.contains("\(tag)-1")
        #expect(present, "\(tag) was acknowledged but is not on disk", sourceLocation: sourceLocation)
    }
}
