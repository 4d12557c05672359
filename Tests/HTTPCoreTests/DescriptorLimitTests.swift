import Foundation
import Glibc
@testable import HTTPCore
import Testing

/// The open-file limit and the connection limit: connections beyond what fits are closed at
/// accept and counted, never left to exhaust the process's descriptors.
@Suite struct DescriptorLimitTests {
    @Test func maxConnectionsIsLoweredToWhatTheOpenFileLimitAllows() {
        let budget = DescriptorBudget(softLimit: 128, openAtStart: 20)
        // 128 - 20 open - 4 per loop × 2 loops - 32 headroom
        #expect(budget.connectionsAllowed(ioThreads: 2) == 68)
        let (capped, warning) = budget.cap(20_000, ioThreads: 2)
        #expect(capped == 68)
        #expect(warning?.contains("--max-connections 20000 lowered to 68") == true)
        #expect(warning?.contains("128") == true)
        let (kept, none) = budget.cap(50, ioThreads: 2)
        #expect(kept == 50 && none == nil)
        #expect(DescriptorBudget(softLimit: 10, openAtStart: 20).connectionsAllowed(ioThreads: 1) == 1)
    }

    @Test func theServerAppliesTheCapAtStart() throws {
        var limit = rlimit()
        #expect(getrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit) == 0)
        try withServer({ $0.maxConnections = 1_000_000 }) { server, _ in
            #expect(server.maxConnections < Int(limit.rlim_max))
            #expect(server.connectionLimitWarning?.contains("lowered to \(server.maxConnections)") == true)
        }
        try withServer({ $0.maxConnections = 3 }) { server, _ in
            #expect(server.maxConnections == 3)
            #expect(server.connectionLimitWarning == nil)
        }
    }

    @Test func connectionsOverTheLimitAreClosedAndCounted() throws {
        try withServer({ $0.maxConnections = 2; $0.ioThreads = 1 }) { server, port in
            let first = try RawClient(port: port)
            let second = try RawClient(port: port)
            for client in [first, second] {
                client.send("GET /hello HTTP/1.1\r\nHost: x\r\n\r\n")
                #expect(try client.readResponse().status == 200)
            }
            let third = try RawClient(port: port)
            #expect(third.isClosedByServer())
            #expect(server.stats.refusedConnections == 1)
            // The first two are still served.
            first.send("GET /hello HTTP/1.1\r\nHost: x\r\n\r\n")
            #expect(try first.readResponse().status == 200)
        }
    }
}
