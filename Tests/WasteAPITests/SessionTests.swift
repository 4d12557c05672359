import Foundation
import JSON
import Testing

@Suite struct SessionTests {
    @Test func loginIssuesATokenThatIdentifiesTheUser() throws {
        let app = try TestApp()
        let me = try app.client.get("/v1/me", token: app.adminToken)
        #expect(me.status == 200)
        #expect(me.json["user"]?["username"]?.stringValue == "admin")
        #expect(me.json["user"]?["role"]?.stringValue == "admin")
        #expect(me.json["user"]?["password_hash"] == nil)
        #expect(me.json["token"]?["kind"]?.stringValue == "session")
    }

    @Test func wrongPasswordIs401AndRepeatedFailuresAre429() throws {
        let app = try TestApp()
        let body: JSONValue = ["username": "admin", "password": "wrong"]
        for _ in 0..<5 {
            #expect(try app.client.post("/v1/sessions", json: body).status == 401)
        }
        let throttled = try app.client.post("/v1/sessions", json: body)
        #expect(throttled.status == 429)
        #expect(Int(throttled.header("retry-after") ?? "") ?? 0 > 0)
        // even the right password waits until the lock expires
        let right: JSONValue = ["username": "admin", "password": .string(TestApp.adminPassword)]
        #expect(try app.client.post("/v1/sessions", json: right).status == 429)
        app.clock.advance(seconds: 3600)
        #expect(try app.client.post("/v1/sessions", json: right).status == 201)
    }

    @Test func missingMalformedUnknownAndRevokedTokensAre401() throws {
        let app = try TestApp()
        #expect(try app.client.get("/v1/me").status == 401)
        #expect(try app.client.get("/v1/me", headers: [("Authorization", "Basic YWRtaW46eA==")]).status == 401)
        #expect(try app.client.get("/v1/me", token: "not-a-token").status == 401)
        #expect(try app.client.get("/v1/me", token: "wst_" + String(repeating: "A", count: 43)).status == 401)
        let token = try app.login("admin", TestApp.adminPassword)
        #expect(try app.client.delete("/v1/sessions/current", token: token).status == 204)
        #expect(try app.client.get("/v1/me", token: token).status == 401)
        #expect(try app.client.get("/v1/me", token: app.adminToken).status == 200)
    }

    @Test func sessionsExpire() throws {
        let app = try TestApp()
        app.clock.advance(seconds: 13 * 3600)
        let response = try app.client.get("/v1/me", token: app.adminToken)
        #expect(response.status == 401)
        #expect(response.header("www-authenticate")?.hasPrefix("Bearer") == true)
    }

    @Test func loginBodyIsValidated() throws {
        let app = try TestApp()
        let response = try app.client.post("/v1/sessions", json: ["user": "admin"])
        #expect(response.status == 400)
        #expect(response.header("content-type")?.hasPrefix("application/problem+json") == true)
        #expect(Set(response.errorFields) == ["user", "username", "password"])
        let notJSON = try app.client.request("POST", "/v1/sessions", body: Array("username=admin".utf8),
                                             contentType: "application/x-www-form-urlencoded")
        #expect(notJSON.status == 415)
        let broken = try app.client.request("POST", "/v1/sessions", body: Array("{\"username\":".utf8),
                                            contentType: "application/json")
        #expect(broken.status == 400)
        let latin1 = try app.client.request("POST", "/v1/sessions", body: [0x7B, 0x22, 0xE9, 0x22, 0x3A, 0x31, 0x7D],
                                            contentType: "application/json")
        #expect(latin1.status == 400)
        #expect(latin1.json["detail"]?.stringValue?.contains("UTF-8") == true)
    }
}
