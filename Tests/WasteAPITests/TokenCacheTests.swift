import Foundation
import Testing
import WasteDomain
@testable import WasteAPI

@Suite struct TokenCacheTests {
    let principal = Principal(userID: 1, username: "admin", role: .admin, institutionID: nil, tokenID: 7, tokenKind: "session")

    @Test func aRememberedTokenIsFoundUntilTheCacheIsCleared() {
        let cache = TokenCache()
        cache.remember("ab", principal: principal, until: 100, readAt: cache.epoch)
        #expect(cache["ab"]?.principal == principal)
        #expect(cache["ab"]?.until == 100)
        #expect(cache["cd"] == nil)
        cache.removeAll()
        #expect(cache["ab"] == nil)
    }

    @Test func aLookupThatRacedWithARevocationIsNotRemembered() {
        let cache = TokenCache()
        let epoch = cache.epoch       // a request starts reading the token's row…
        cache.removeAll()             // …a revocation commits and clears the cache…
        cache.remember("ab", principal: principal, until: 100, readAt: epoch)  // …the stale row arrives
        #expect(cache["ab"] == nil)
        cache.remember("ab", principal: principal, until: 100, readAt: cache.epoch)
        #expect(cache["ab"] != nil)
    }

    @Test func manyThreadsReadWhileOthersWriteAndClear() {
        let cache = TokenCache()
        DispatchQueue.concurrentPerform(iterations: 8) { index in
            for round in 0..<2_000 {
                let key = "k\(round % 50)"
                switch index {
                case 0 where round % 100 == 0: cache.removeAll()
                case 1, 2: cache.remember(key, principal: principal, until: Int64(round), readAt: cache.epoch)
                default: _ = cache[key]
                }
            }
        }
        cache.remember("last", principal: principal, until: 1, readAt: cache.epoch)
        #expect(cache["last"] != nil)
    }
}
