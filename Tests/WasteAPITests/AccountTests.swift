import Foundation
import Hashing
import JSON
import Testing
@testable import WasteAPI

/// `POST /v1/me/password`, the password policy, and moving a clerk (docs/API.md, Logins; issue 13, F6).
@Suite struct AccountTests {
    @Test func theOwnPasswordChangesAndTheOtherTokensAreRevoked() throws {
        let app = try TestApp()
        _ = try app.createUser("zhao.lei", role: "inspector", password: "first-long-password")
        let session = try app.login("zhao.lei", "first-long-password")
        let laptop = try app.login("zhao.lei", "first-long-password")
        let change: JSONValue = ["current_password": "first-long-password", "new_password": "second-long-password"]
        let changed = try app.client.post("/v1/me/password", json: change, token: session)
        #expect(changed.status == 200, "\(changed.text)")
        #expect(changed.json["tokens_revoked"]?.numberValue?.int64 == 1)
        #expect(try app.client.get("/v1/me", token: session).status == 200)  // the session that changed it stays
        #expect(try app.client.get("/v1/me", token: laptop).status == 401)
        #expect(throws: (any Error).self) { try app.login("zhao.lei", "first-long-password") }
        #expect(try app.login("zhao.lei", "second-long-password").hasPrefix("wst_"))
    }

    @Test func aWrongCurrentPasswordIsRefusedAndThrottled() throws {
        let app = try TestApp()
        let body: JSONValue = ["current_password": "not-my-password", "new_password": "a-fine-new-password"]
        let refused = try app.client.post("/v1/me/password", json: body, token: app.adminToken)
        #expect(refused.status == 400)
        #expect(refused.errorFields == ["current_password"])
        for _ in 0..<4 { _ = try app.client.post("/v1/me/password", json: body, token: app.adminToken) }
        let locked = try app.client.post("/v1/me/password", json: body, token: app.adminToken)
        #expect(locked.status == 429)
        #expect(locked.header("retry-after") != nil)
    }

    @Test func thePolicyRefusesShortCommonAndUsernamePasswordsEverywhere() throws {
        let app = try TestApp()
        func change(_ new: String) throws -> HTTPTestClient.Response {
            try app.client.post("/v1/me/password", json: ["current_password": .string(TestApp.adminPassword),
                                                          "new_password": .string(new)], token: app.adminToken)
        }
        for bad in ["short-pw", "1234567890", "Basketball", "ADMIN", TestApp.adminPassword] {
            let response = try change(bad)
            #expect(response.status == 400, "\(bad)")
            #expect(response.errorFields == ["new_password"], "\(bad)")
        }
        let create: JSONValue = ["username": "qwertyuiop", "display_name": "Q", "role": "viewer", "password": "qwertyuiop"]
        let created = try app.client.post("/v1/users", json: create, token: app.adminToken)
        #expect(created.status == 400)
        #expect(created.errorFields == ["password"])
        let id = try app.createUser("li.na", role: "viewer")
        let patch = try app.client.patch("/v1/users/\(id)", json: ["password": "LI.NA"], token: app.adminToken)
        #expect(patch.status == 400)
        let common = try app.client.patch("/v1/users/\(id)", json: ["password": "1q2w3e4r5t"], token: app.adminToken)
        #expect(common.status == 400)
        #expect(common.json["errors"]?[0]?["message"]?.stringValue?.contains("common") == true)
        #expect {
            try PeopleAdmin.createUser(in: app.pool, username: "cli.user", role: "viewer", password: "basketball",
                                       passwordIterations: 1000)
        } throws: { "\($0)".contains("--password") }
        #expect(CommonPasswords.set.count > 9_900)
    }

    @Test func aClerkMovedToAnotherInstitutionLosesItsTokens() throws {
        let app = try TestApp()
        let first = try app.addInstitution(code: "M001")
        let second = try app.addInstitution(code: "M002")
        let id = try app.createUser("mover", role: "clerk", institution: first)
        let session = try app.login("mover", "long-enough")
        let token = try app.client.post("/v1/tokens", json: ["name": "script"], token: session).json["token"]?.stringValue ?? ""
        #expect(try app.client.get("/v1/me", token: token).status == 200)  // remembered by the token cache now
        let moved = try app.client.patch("/v1/users/\(id)", json: ["institution_id": .number(JSONNumber(second))],
                                         token: app.adminToken)
        #expect(moved.status == 200)
        #expect(try app.client.get("/v1/me", token: session).status == 401)
        #expect(try app.client.get("/v1/me", token: token).status == 401)
        let audit = try app.client.get("/v1/audit-events?entity=user&entity_id=\(id)", token: app.adminToken)
        #expect(audit.text.contains("tokens_revoked"))
        let fresh = try app.login("mover", "long-enough")
        #expect(try app.client.get("/v1/me", token: fresh).json["user"]?["institution_id"]?.numberValue?.int64 == second)
    }
}
