import Foundation
import Hashing
import JSON
import Locking
import Testing
@testable import WasteAPI

/// Login throttling per (username, client) and per client, the trusted proxy, the admin's
/// unlock and the bounded password-check pool (docs/API.md, Logins; issue 13, F1 and F2).
@Suite struct LoginSecurityTests {
    static let right: JSONValue = ["username": "admin", "password": .string(TestApp.adminPassword)]
    static let wrong: JSONValue = ["username": "admin", "password": "not-the-password"]

    static func from(_ address: String) -> [(String, String)] { [("X-Forwarded-For", address)] }

    @Test func anAttackerOnOneAddressCannotLockTheAdminOutOnAnother() throws {
        let app = try TestApp { $0.trustedProxy = "127.0.0.1" }
        for _ in 0..<5 {
            #expect(try app.client.post("/v1/sessions", json: Self.wrong, headers: Self.from("203.0.113.9")).status == 401)
        }
        let locked = try app.client.post("/v1/sessions", json: Self.right, headers: Self.from("203.0.113.9"))
        #expect(locked.status == 429)
        #expect(Int(locked.header("retry-after") ?? "") ?? 0 > 0)
        // The admin at the office's address logs in at once, again and again.
        for _ in 0..<3 {
            #expect(try app.client.post("/v1/sessions", json: Self.right, headers: Self.from("198.51.100.7")).status == 201)
        }
        // The attacker keeps failing: the office is still never locked.
        app.clock.advance(seconds: 61)
        #expect(try app.client.post("/v1/sessions", json: Self.wrong, headers: Self.from("203.0.113.9")).status == 401)
        #expect(try app.client.post("/v1/sessions", json: Self.right, headers: Self.from("198.51.100.7")).status == 201)
    }

    @Test func forwardedForIsIgnoredUnlessThePeerIsTheTrustedProxy() throws {
        let app = try TestApp()  // no --trusted-proxy: the peer (127.0.0.1) is the client
        for index in 0..<5 {
            let spoofed = Self.from("192.0.2.\(index)")
            #expect(try app.client.post("/v1/sessions", json: Self.wrong, headers: spoofed).status == 401)
        }
        #expect(try app.client.post("/v1/sessions", json: Self.right, headers: Self.from("192.0.2.200")).status == 429)
    }

    @Test func onlyTheLastForwardedEntryCounts() throws {
        let app = try TestApp { $0.trustedProxy = "127.0.0.1" }
        // The client writes "1.1.1.1, …" itself; the proxy appends the address it saw.
        for index in 0..<5 {
            let headers = Self.from("10.0.0.\(index), 203.0.113.9")
            #expect(try app.client.post("/v1/sessions", json: Self.wrong, headers: headers).status == 401)
        }
        #expect(try app.client.post("/v1/sessions", json: Self.right, headers: Self.from("10.0.0.99, 203.0.113.9")).status == 429)
    }

    @Test func sprayingOnePasswordOverManyUsernamesLocksTheClient() throws {
        let app = try TestApp { $0.trustedProxy = "127.0.0.1" }
        for index in 0...LoginThrottle.clientFreeFailures {
            let body: JSONValue = ["username": .string("user\(index)"), "password": "Summer2026!"]
            #expect(try app.client.post("/v1/sessions", json: body, headers: Self.from("203.0.113.50")).status == 401)
        }
        let next: JSONValue = ["username": "someone-else", "password": "Summer2026!"]
        let refused = try app.client.post("/v1/sessions", json: next, headers: Self.from("203.0.113.50"))
        #expect(refused.status == 429)
        #expect(refused.json["detail"]?.stringValue?.contains("from your address") == true)
        #expect(try app.client.post("/v1/sessions", json: Self.right, headers: Self.from("198.51.100.7")).status == 201)
    }

    @Test func theCommandLineUnlockLiftsALockInTheRunningServer() throws {
        let app = try TestApp()
        for _ in 0..<5 { _ = try app.client.post("/v1/sessions", json: Self.wrong) }
        #expect(try app.client.post("/v1/sessions", json: Self.right).status == 429)
        try PeopleAdmin.unlock(in: app.pool, username: "ADMIN", clock: app.clock.appClock)
        #expect(try app.client.post("/v1/sessions", json: Self.right).status == 201)
        #expect(throws: PeopleAdmin.Failure.self) { try PeopleAdmin.unlock(in: app.pool, username: "nobody") }
        // An unlock does not pardon failures that come after it.
        app.clock.advance(seconds: 1)
        for _ in 0..<5 { _ = try app.client.post("/v1/sessions", json: Self.wrong) }
        #expect(try app.client.post("/v1/sessions", json: Self.right).status == 429)
    }

    @Test func theThrottleForgetsTheOldestRecordsFirstNotAll() {
        let clock = TestClock()
        let throttle = LoginThrottle(clock: clock.appClock, capacity: 100)
        for _ in 0..<5 { throttle.recordFailure(username: "admin", client: "203.0.113.9") }
        #expect(throttle.lock(username: "admin", client: "203.0.113.9") != nil)
        // A flood of other usernames from other clients fills the table past its capacity …
        for index in 0..<99 { throttle.recordFailure(username: "u\(index)", client: "198.51.100.\(index % 250)") }
        #expect(throttle.counts.pairs == 100)
        #expect(throttle.lock(username: "admin", client: "203.0.113.9") != nil)  // … the lock is still there
        for index in 99..<500 { throttle.recordFailure(username: "u\(index)", client: "198.51.100.\(index % 250)") }
        #expect(throttle.counts.pairs == 100)
        #expect(throttle.lock(username: "u499", client: "198.51.100.249") == nil)  // one failure: no lock, but kept
    }

    @Test func pastThePasswordPoolALoginIs429WithRetryAfter() throws {
        let app = try TestApp {
            $0.passwordCheckThreads = 1
            $0.passwordCheckQueue = 0
        }
        // A deliberately slow hash (each check takes a while) so that logins overlap.
        let slow = try PasswordHasher(iterations: 1_000_000).hash(password: "slow-password-1")
        try app.sql("UPDATE users SET password_hash = ? WHERE username = 'admin'", [slow])
        let statuses = Locked<[Int]>([])
        let retryAfters = Locked<[String]>([])
        let finished = DispatchGroup()
        for _ in 0..<6 {
            finished.enter()
            Thread {
                defer { finished.leave() }
                let client = HTTPTestClient(port: app.port)
                guard let response = try? client.post("/v1/sessions", json: ["username": "admin", "password": "slow-password-1"])
                else { return }
                statuses.withLock { $0.append(response.status) }
                if response.status == 429 { retryAfters.withLock { $0.append(response.header("retry-after") ?? "") } }
            }.start()
        }
        finished.wait()
        let seen = statuses.withLock { $0 }
        #expect(seen.count == 6)
        #expect(seen.contains(201))
        #expect(seen.contains(429))
        #expect(Set(seen).isSubset(of: [201, 429]))
        #expect(retryAfters.withLock { $0 }.allSatisfy { $0 == "1" })
    }
}
