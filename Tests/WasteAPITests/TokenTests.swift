import Foundation
import Hashing
import JSON
import Testing

@Suite struct TokenTests {
    @Test func anyRoleCreatesListsAndRevokesItsOwnTokens() throws {
        let app = try TestApp()
        _ = try app.createUser("dash", role: "viewer")
        let session = try app.login("dash", "long-enough")
        let created = try app.client.post("/v1/tokens", json: ["name": "wall dashboard"], token: session)
        #expect(created.status == 201)
        #expect(created.header("cache-control") == "no-store")
        let id = try #require(created.json["id"]?.numberValue?.int64)
        let token = try #require(created.json["token"]?.stringValue)
        #expect(created.json["expires_at"] == .null)
        #expect(created.header("location") == "/v1/tokens/\(id)")

        let listed = try app.client.get("/v1/tokens", token: token)
        #expect(listed.status == 200)
        let items = try #require(listed.json["items"]?.arrayValue)
        #expect(items.compactMap { $0["kind"]?.stringValue }.sorted() == ["api", "session"])
        #expect(!listed.text.contains(token))
        #expect(items.allSatisfy { $0["token"] == nil && $0["token_hash"] == nil })
        #expect(!listed.text.contains(APIToken.hash(token)))

        #expect(try app.client.delete("/v1/tokens/\(id)", token: session).status == 204)
        #expect(try app.client.get("/v1/me", token: token).status == 401)
        let after = try app.client.get("/v1/tokens", token: session)
        let revoked = after.json["items"]?.arrayValue?.first { $0["id"]?.numberValue?.int64 == id }
        #expect(revoked?["revoked_at"]?.stringValue != nil)
        #expect(try app.client.delete("/v1/tokens/\(id)", token: session).status == 204)  // revoking twice is harmless
    }

    @Test func aTokenActsWithItsOwnersRole() throws {
        let app = try TestApp()
        _ = try app.createUser("dash", role: "viewer")
        let session = try app.login("dash", "long-enough")
        let token = try #require(try app.client.post("/v1/tokens", json: ["name": "n"], token: session).json["token"]?.stringValue)
        #expect(try app.client.get("/v1/users", token: token).status == 403)
        let me = try app.client.get("/v1/me", token: token)
        #expect(me.status == 200)
        #expect(me.json["user"]?["role"]?.stringValue == "viewer")
        #expect(me.json["token"]?["kind"]?.stringValue == "api")
        let adminAPI = try #require(try app.client.post("/v1/tokens", json: ["name": "ops"], token: app.adminToken)
            .json["token"]?.stringValue)
        #expect(try app.client.get("/v1/users", token: adminAPI).status == 200)
    }

    @Test func someoneElsesTokenIsNotFoundButAdminsMayRevokeIt() throws {
        let app = try TestApp()
        _ = try app.createUser("a.user", role: "inspector")
        _ = try app.createUser("b.user", role: "inspector")
        let a = try app.login("a.user", "long-enough")
        let b = try app.login("b.user", "long-enough")
        let aTokenID = try #require(try app.client.post("/v1/tokens", json: ["name": "a"], token: a).json["id"]?.numberValue?.int64)
        #expect(try app.client.delete("/v1/tokens/\(aTokenID)", token: b).status == 404)
        #expect(try app.client.delete("/v1/tokens/99999", token: b).status == 404)
        #expect(try app.client.delete("/v1/tokens/abc", token: b).status == 404)
        let bList = try app.client.get("/v1/tokens", token: b)
        #expect(bList.json["items"]?.arrayValue?.contains { $0["id"]?.numberValue?.int64 == aTokenID } == false)
        #expect(try app.client.get("/v1/tokens?user_id=1", token: b).status == 403)

        let aID = try #require(try app.client.get("/v1/me", token: a).json["user"]?["id"]?.numberValue?.int64)
        let seenByAdmin = try app.client.get("/v1/tokens?user_id=\(aID)", token: app.adminToken)
        #expect(seenByAdmin.json["items"]?.arrayValue?.count == 2)
        #expect(try app.client.delete("/v1/tokens/\(aTokenID)", token: app.adminToken).status == 204)
    }

    @Test func expiringTokensStopWorkingAndPastExpiryIsRefused() throws {
        let app = try TestApp()
        let soon = app.clock.now().adding(seconds: 3600)
        let created = try app.client.post("/v1/tokens", json: ["name": "temp", "expires_at": .string(soon.description)],
                                          token: app.adminToken)
        #expect(created.status == 201)
        #expect(created.json["expires_at"]?.stringValue == soon.description)
        let token = try #require(created.json["token"]?.stringValue)
        #expect(try app.client.get("/v1/me", token: token).status == 200)
        app.clock.advance(seconds: 3601)
        #expect(try app.client.get("/v1/me", token: token).status == 401)

        let past = app.clock.now().adding(seconds: -1).description
        let refused = try app.client.post("/v1/tokens", json: ["name": "x", "expires_at": .string(past)], token: app.adminToken)
        #expect(refused.status == 400)
        #expect(refused.errorFields == ["expires_at"])
        let malformed = try app.client.post("/v1/tokens", json: ["name": "", "expires_at": "tomorrow", "scope": "all"],
                                            token: app.adminToken)
        #expect(Set(malformed.errorFields) == ["name", "expires_at", "scope"])
    }

    @Test func anIdempotentReplayCreatesNothingAndNeverRepeatsTheTokenText() throws {
        let app = try TestApp()
        let headers = [("Idempotency-Key", "token-1")]
        let first = try app.client.post("/v1/tokens", json: ["name": "cron"], token: app.adminToken, headers: headers)
        let token = try #require(first.json["token"]?.stringValue)
        let replay = try app.client.post("/v1/tokens", json: ["name": "cron"], token: app.adminToken, headers: headers)
        #expect(replay.status == 201)
        #expect(replay.header("idempotent-replayed") == "true")
        #expect(replay.json["id"] == first.json["id"])
        #expect(replay.json["token"] == .null)
        let apiTokens = try app.client.get("/v1/tokens", token: app.adminToken).json["items"]?.arrayValue?
            .filter { $0["kind"]?.stringValue == "api" }
        #expect(apiTokens?.count == 1)
        let stored = try app.pool.read { db in try db.query("SELECT body FROM idempotency_keys").map { try $0.blob("body") } }
        #expect(stored.count == 1)
        #expect(!stored.contains { String(decoding: $0, as: UTF8.self).contains(token) })
        let other = try app.client.post("/v1/tokens", json: ["name": "other"], token: app.adminToken, headers: headers)
        #expect(other.status == 409)
    }

    @Test func tokensNeedAuthentication() throws {
        let app = try TestApp()
        #expect(try app.client.get("/v1/tokens").status == 401)
        #expect(try app.client.post("/v1/tokens", json: ["name": "x"]).status == 401)
        #expect(try app.client.delete("/v1/tokens/1").status == 401)
    }
}
