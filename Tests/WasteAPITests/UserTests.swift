import Foundation
import JSON
import Testing

@Suite struct UserTests {
    @Test func adminCreatesReadsAndListsUsers() throws {
        let app = try TestApp()
        let institution = try app.addInstitution(code: "J001")
        let created = try app.client.post("/v1/users", json: [
            "username": "li.ming", "display_name": "李明", "role": "clerk",
            "institution_id": .number(JSONNumber(institution)), "password": "sorting-2026",
        ], token: app.adminToken)
        #expect(created.status == 201)
        let id = try #require(created.json["id"]?.numberValue?.int64)
        #expect(created.header("location") == "/v1/users/\(id)")
        #expect(created.header("etag") == "\"v1\"")
        #expect(created.json["password"] == nil && created.json["password_hash"] == nil)
        #expect(created.json["active"] == .bool(true))
        #expect(created.json["institution_id"]?.numberValue?.int64 == institution)

        let shown = try app.client.get("/v1/users/\(id)", token: app.adminToken)
        #expect(shown.status == 200)
        #expect(shown.json["display_name"]?.stringValue == "李明")
        let cached = try app.client.get("/v1/users/\(id)", token: app.adminToken, headers: [("If-None-Match", "\"v1\"")])
        #expect(cached.status == 304)

        #expect(try app.login("li.ming", "sorting-2026").hasPrefix("wst_"))
        #expect(try app.client.get("/v1/users/9999", token: app.adminToken).status == 404)
    }

    @Test func listFiltersByRoleInstitutionActiveAndTextAndPages() throws {
        let app = try TestApp()
        let institution = try app.addInstitution(code: "J001")
        let clerk = try app.createUser("clerk.one", role: "clerk", institution: institution)
        _ = try app.createUser("viewer.one", role: "viewer", displayName: "大屏幕")
        let gone = try app.createUser("viewer.two", role: "viewer")
        #expect(try app.client.delete("/v1/users/\(gone)", token: app.adminToken).status == 204)

        func usernames(_ query: String) throws -> [String] {
            let response = try app.client.get("/v1/users?\(query)", token: app.adminToken)
            #expect(response.status == 200)
            return response.json["items"]?.arrayValue?.compactMap { $0["username"]?.stringValue } ?? []
        }
        #expect(try usernames("role=viewer") == ["viewer.one", "viewer.two"])
        #expect(try usernames("institution_id=\(institution)") == ["clerk.one"])
        #expect(try usernames("active=false") == ["viewer.two"])
        #expect(try usernames("q=VIEWER&active=true") == ["viewer.one"])
        #expect(try usernames("q=%E5%A4%A7%E5%B1%8F") == ["viewer.one"])  // 大屏 in the display name
        #expect(try usernames("q=_") == [])  // LIKE wildcards match literally
        #expect(clerk > 0)

        let first = try app.client.get("/v1/users?limit=2", token: app.adminToken)
        #expect(first.json["items"]?.arrayValue?.count == 2)
        let cursor = try #require(first.json["next_cursor"]?.stringValue)
        let second = try app.client.get("/v1/users?limit=2&cursor=\(cursor)", token: app.adminToken)
        #expect(second.json["items"]?.arrayValue?.compactMap { $0["username"]?.stringValue } == ["viewer.one", "viewer.two"])
        #expect(second.json["next_cursor"] == .null)

        #expect(try app.client.get("/v1/users?role=boss", token: app.adminToken).status == 400)
        #expect(try app.client.get("/v1/users?active=yes", token: app.adminToken).status == 400)
        #expect(try app.client.get("/v1/users?sort=name", token: app.adminToken).status == 400)
    }

    @Test func everyBadFieldIsReportedAtOnce() throws {
        let app = try TestApp()
        let response = try app.client.post("/v1/users", json: [
            "username": "a b", "display_name": "", "role": "boss", "password": "short", "nickname": "x",
        ], token: app.adminToken)
        #expect(response.status == 400)
        #expect(Set(response.errorFields) == ["username", "display_name", "role", "password", "nickname"])
        let missing = try app.client.post("/v1/users", json: [:], token: app.adminToken)
        #expect(Set(missing.errorFields) == ["username", "display_name", "role", "password"])
        let long = try app.client.post("/v1/users", json: [
            "username": .string(String(repeating: "a", count: 65)), "display_name": .string(String(repeating: "名", count: 101)),
            "role": "viewer", "password": .string(String(repeating: "p", count: 1025)),
        ], token: app.adminToken)
        #expect(Set(long.errorFields) == ["username", "display_name", "password"])
        #expect(try app.client.get("/v1/users?role=viewer", token: app.adminToken).json["items"]?.arrayValue?.isEmpty == true)
    }

    @Test func clerksNeedAnActiveInstitutionAndOthersMustNotHaveOne() throws {
        let app = try TestApp()
        let institution = try app.addInstitution(code: "J001")
        let archived = try app.addInstitution(code: "J002", status: "archived")
        func attempt(_ role: String, _ institutionID: Int64?, username: String = "someone") throws -> HTTPTestClient.Response {
            var body: JSONObject = ["username": .string(username), "display_name": "X", "role": .string(role), "password": "long-enough"]
            if let institutionID { body.set("institution_id", .number(JSONNumber(institutionID))) }
            return try app.client.post("/v1/users", json: .object(body), token: app.adminToken)
        }
        for response in [try attempt("clerk", nil), try attempt("clerk", 999), try attempt("clerk", archived),
                         try attempt("inspector", institution), try attempt("viewer", 999)] {
            #expect(response.status == 400)
            #expect(response.errorFields == ["institution_id"])
        }
        // an unknown institution is reported together with the body's other problems
        let several = try app.client.post("/v1/users", json: [
            "username": "x", "display_name": "X", "role": "clerk", "institution_id": 999, "password": "long-enough",
        ], token: app.adminToken)
        #expect(Set(several.errorFields) == ["username", "institution_id"])
        #expect(try attempt("clerk", institution).status == 201)
    }

    @Test func usernamesAreUniqueRegardlessOfCase() throws {
        let app = try TestApp()
        _ = try app.createUser("Wang.Fang", role: "inspector")
        let duplicate = try app.client.post("/v1/users", json: [
            "username": "wang.fang", "display_name": "王芳", "role": "viewer", "password": "long-enough",
        ], token: app.adminToken)
        #expect(duplicate.status == 409)
        #expect(duplicate.json["field"]?.stringValue == "username")
        let other = try app.createUser("zhao", role: "viewer")
        let renamed = try app.client.patch("/v1/users/\(other)", json: ["username": "WANG.FANG"], token: app.adminToken)
        #expect(renamed.status == 409)
        #expect(renamed.json["field"]?.stringValue == "username")
    }

    @Test func patchChangesFieldsBumpsVersionAndHonoursIfMatch() throws {
        let app = try TestApp()
        let institution = try app.addInstitution(code: "J001")
        let id = try app.createUser("chen", role: "clerk", institution: institution)
        let stale = try app.client.patch("/v1/users/\(id)", json: ["display_name": "陈"], token: app.adminToken,
                                         headers: [("If-Match", "\"v7\"")])
        #expect(stale.status == 412)
        let changed = try app.client.patch("/v1/users/\(id)", json: ["display_name": "陈静"], token: app.adminToken,
                                           headers: [("If-Match", "\"v1\"")])
        #expect(changed.status == 200)
        #expect(changed.json["display_name"]?.stringValue == "陈静")
        #expect(changed.json["version"]?.numberValue?.int64 == 2)
        #expect(changed.header("etag") == "\"v2\"")

        // leaving the clerk role drops the institution; joining it requires one
        let inspector = try app.client.patch("/v1/users/\(id)", json: ["role": "inspector"], token: app.adminToken)
        #expect(inspector.json["institution_id"] == .null)
        let noInstitution = try app.client.patch("/v1/users/\(id)", json: ["role": "clerk"], token: app.adminToken)
        #expect(noInstitution.status == 400)
        #expect(noInstitution.errorFields == ["institution_id"])
        let withInstitution = try app.client.patch("/v1/users/\(id)", json: [
            "role": "clerk", "institution_id": .number(JSONNumber(institution)),
        ], token: app.adminToken)
        #expect(withInstitution.status == 200)
        let bad = try app.client.patch("/v1/users/\(id)", json: ["role": "admin", "password": "x", "colour": "red"],
                                       token: app.adminToken)
        #expect(Set(bad.errorFields) == ["password", "colour"])
        let nulls = try app.client.patch("/v1/users/\(id)", json: ["username": nil], token: app.adminToken)
        #expect(nulls.errorFields == ["username"])
    }

    @Test func passwordChangeRevokesOldSessionsAndTheNewPasswordWorks() throws {
        let app = try TestApp()
        let id = try app.createUser("sun", role: "inspector", password: "first-password")
        let session = try app.login("sun", "first-password")
        let apiToken = try #require(try app.client.post("/v1/tokens", json: ["name": "script"], token: session)
            .json["token"]?.stringValue)
        #expect(try app.client.get("/v1/me", token: session).status == 200)
        let changed = try app.client.patch("/v1/users/\(id)", json: ["password": "second-password"], token: app.adminToken)
        #expect(changed.status == 200)
        #expect(try app.client.get("/v1/me", token: session).status == 401)
        #expect(try app.client.get("/v1/me", token: apiToken).status == 401)
        #expect(throws: (any Error).self) { try app.login("sun", "first-password") }
        #expect(try app.login("sun", "second-password").hasPrefix("wst_"))
    }

    @Test func roleChangeRevokesTokens() throws {
        let app = try TestApp()
        let id = try app.createUser("qian", role: "inspector")
        let session = try app.login("qian", "long-enough")
        #expect(try app.client.patch("/v1/users/\(id)", json: ["role": "viewer"], token: app.adminToken).status == 200)
        #expect(try app.client.get("/v1/me", token: session).status == 401)
    }

    @Test func deactivatedUserCannotLogInAndItsTokensAre401() throws {
        let app = try TestApp()
        let id = try app.createUser("zhou", role: "inspector")
        let session = try app.login("zhou", "long-enough")
        let stale = try app.client.delete("/v1/users/\(id)", token: app.adminToken, headers: [("If-Match", "\"v9\"")])
        #expect(stale.status == 412)
        #expect(try app.client.delete("/v1/users/\(id)", token: app.adminToken).status == 204)
        #expect(try app.client.get("/v1/me", token: session).status == 401)
        #expect(throws: (any Error).self) { try app.login("zhou", "long-enough") }
        let kept = try app.client.get("/v1/users/\(id)", token: app.adminToken)
        #expect(kept.status == 200)
        #expect(kept.json["active"] == .bool(false))
        #expect(kept.json["version"]?.numberValue?.int64 == 2)
        #expect(try app.client.delete("/v1/users/\(id)", token: app.adminToken).status == 204)  // again: no change
        // reactivation restores login, but not the revoked session
        #expect(try app.client.patch("/v1/users/\(id)", json: ["active": true], token: app.adminToken).status == 200)
        #expect(try app.client.get("/v1/me", token: session).status == 401)
        #expect(try app.login("zhou", "long-enough").hasPrefix("wst_"))
    }

    @Test func anAdminCannotLockItselfOut() throws {
        let app = try TestApp()
        let me = try #require(try app.client.get("/v1/me", token: app.adminToken).json["user"]?["id"]?.numberValue?.int64)
        let delete = try app.client.delete("/v1/users/\(me)", token: app.adminToken)
        #expect(delete.status == 409)
        #expect(delete.json["detail"]?.stringValue?.contains("your own account") == true)
        let deactivate = try app.client.patch("/v1/users/\(me)", json: ["active": false], token: app.adminToken)
        #expect(deactivate.status == 409)
        let demote = try app.client.patch("/v1/users/\(me)", json: ["role": "viewer"], token: app.adminToken)
        #expect(demote.status == 409)
        #expect(demote.json["field"]?.stringValue == "role")
        #expect(try app.client.get("/v1/me", token: app.adminToken).json["user"]?["role"]?.stringValue == "admin")
        // its own password change keeps the session that made it
        #expect(try app.client.patch("/v1/users/\(me)", json: ["password": "a-new-password"], token: app.adminToken).status == 200)
        #expect(try app.client.get("/v1/me", token: app.adminToken).status == 200)
        // another admin may be deactivated
        let other = try app.createUser("second.admin", role: "admin")
        #expect(try app.client.delete("/v1/users/\(other)", token: app.adminToken).status == 204)
    }

    @Test func onlyAdminsManageUsers() throws {
        let app = try TestApp()
        let institution = try app.addInstitution(code: "J001")
        _ = try app.createUser("insp", role: "inspector")
        _ = try app.createUser("clerk", role: "clerk", institution: institution)
        _ = try app.createUser("view", role: "viewer")
        for username in ["insp", "clerk", "view"] {
            let token = try app.login(username, "long-enough")
            #expect(try app.client.get("/v1/users", token: token).status == 403)
            #expect(try app.client.get("/v1/users/1", token: token).status == 403)
            #expect(try app.client.post("/v1/users", json: ["username": "x"], token: token).status == 403)
            #expect(try app.client.patch("/v1/users/1", json: ["active": false], token: token).status == 403)
            #expect(try app.client.delete("/v1/users/1", token: token).status == 403)
        }
        #expect(try app.client.get("/v1/users").status == 401)
    }

    @Test func creatingWithAnIdempotencyKeyCreatesOnce() throws {
        let app = try TestApp()
        let body: JSONValue = ["username": "retry", "display_name": "R", "role": "viewer", "password": "long-enough"]
        let first = try app.client.post("/v1/users", json: body, token: app.adminToken, headers: [("Idempotency-Key", "k1")])
        let again = try app.client.post("/v1/users", json: body, token: app.adminToken, headers: [("Idempotency-Key", "k1")])
        #expect(first.status == 201 && again.status == 201)
        #expect(again.json["id"] == first.json["id"])
        #expect(again.header("idempotent-replayed") == "true")
    }
}

extension TestApp {
    /// Creates a user through the API and returns its id; the password defaults to `long-enough`.
    func createUser(_ username: String, role: String, institution: Int64? = nil, displayName: String? = nil,
                    password: String = "long-enough") throws -> Int64 {
        var body: JSONObject = ["username": .string(username), "display_name": .string(displayName ?? username),
                                "role": .string(role), "password": .string(password)]
        if let institution { body.set("institution_id", .number(JSONNumber(institution))) }
        let response = try client.post("/v1/users", json: .object(body), token: adminToken)
        guard response.status == 201, let id = response.json["id"]?.numberValue?.int64 else {
            throw HTTPTestClient.ClientFailure(message: "create \(username) failed: \(response.status) \(response.text)")
        }
        return id
    }

    /// Inserts an institution directly (its routes belong to another resource) and returns its id.
    func addInstitution(code: String, status: String = "active") throws -> Int64 {
        try sql("""
            INSERT INTO institutions (code, name, kind, status, created_at, updated_at)
            VALUES (?, ?, 'public_institution', ?, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z')
            """, [code, "单位 \(code)", status])
        return try pool.read { db in try db.scalar("SELECT id FROM institutions WHERE code = ?", [code], as: Int64.self) } ?? 0
    }
}
