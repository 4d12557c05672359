import Synchronization
import Testing
@testable import WasteAPI

@Suite struct ConcurrentlyTests {
    struct Failure: Error, Equatable { let which: Int }

    @Test func bothJobsRunAndReturnTheirResults() throws {
        let ran = Atomic<Int>(0)
        let (a, b) = try concurrently({ ran.add(1, ordering: .relaxed); return "first" },
                                      { ran.add(1, ordering: .relaxed); return 2 })
        #expect(a == "first")
        #expect(b == 2)
        #expect(ran.load(ordering: .relaxed) == 2)
    }

    @Test func anErrorOfEitherJobIsThrownAfterBothFinished() throws {
        let finished = Atomic<Int>(0)
        #expect(throws: Failure(which: 2)) {
            _ = try concurrently({ finished.add(1, ordering: .relaxed); return 1 },
                                 { () throws -> Int in throw Failure(which: 2) })
        }
        #expect(finished.load(ordering: .relaxed) == 1)
        #expect(throws: Failure(which: 1)) {
            _ = try concurrently({ () throws -> Int in throw Failure(which: 1) }, { () throws -> Int in throw Failure(which: 2) })
        }
    }
}
