import Foundation
import JSON
import Testing
import WasteAPI

/// The functions behind `wastesort user` and `wastesort token`, called as the commands call them.
@Suite struct UserCommandTests {
    @Test func aUserCreatedFromTheCommandLineCanLogInOverHTTP() throws {
        let app = try TestApp()
        let institution = try app.addInstitution(code: "J001")
        let user = try PeopleAdmin.createUser(in: app.pool, username: "cli.clerk", role: "clerk", institutionID: institution,
                                              password: "from-the-shell", passwordIterations: 1000, clock: app.clock.appClock)
        #expect(user.displayName == "cli.clerk")
        #expect(user.institutionID == institution)
        let session = try app.login("cli.clerk", "from-the-shell")
        #expect(try app.client.get("/v1/me", token: session).json["user"]?["role"]?.stringValue == "clerk")
        #expect(try PeopleAdmin.listUsers(in: app.pool).map(\.username) == ["admin", "cli.clerk"])

        let audit = try app.client.get("/v1/audit-events?entity=user&entity_id=\(user.id)", token: app.adminToken)
        let event = try #require(audit.json["items"]?[0])
        #expect(event["actor"] == .null)
        #expect(event["after"]?["by"]?.stringValue == "command line")
        #expect(!audit.text.contains("from-the-shell"))
    }

    @Test func badInputIsOneLineNamingTheFlags() throws {
        let app = try TestApp()
        #expect {
            try PeopleAdmin.createUser(in: app.pool, username: "x", role: "boss", password: "short", passwordIterations: 1000)
        } throws: { error in
            let text = "\(error)"
            return error is PeopleAdmin.Failure && !text.contains("\n")
                && text.contains("--username") && text.contains("--role") && text.contains("--password")
        }
        #expect {
            try PeopleAdmin.createUser(in: app.pool, username: "clerk", role: "clerk", password: "long-enough", passwordIterations: 1000)
        } throws: { "\($0)".contains("--institution-id") }
        #expect {
            try PeopleAdmin.createUser(in: app.pool, username: "ADMIN", role: "viewer", password: "long-enough", passwordIterations: 1000)
        } throws: { "\($0)".contains("already taken") }
        #expect(try PeopleAdmin.listUsers(in: app.pool).count == 1)
    }

    @Test func aTokenCreatedFromTheCommandLineActsAsItsUser() throws {
        let app = try TestApp()
        _ = try app.createUser("dash", role: "viewer")
        let created = try PeopleAdmin.createToken(in: app.pool, username: "dash", name: "wall", clock: app.clock.appClock)
        #expect(created.expiresAt == nil)
        let me = try app.client.get("/v1/me", token: created.token)
        #expect(me.json["user"]?["username"]?.stringValue == "dash")
        #expect(me.json["token"]?["name"]?.stringValue == "wall")
        #expect(throws: PeopleAdmin.Failure.self) {
            try PeopleAdmin.createToken(in: app.pool, username: "nobody", name: "x", clock: app.clock.appClock)
        }
        #expect {
            try PeopleAdmin.createToken(in: app.pool, username: "dash", name: "x", expiresAt: "2001-01-01T00:00:00Z",
                                        clock: app.clock.appClock)
        } throws: { "\($0)".contains("--expires-at") }
    }

    @Test func generatedPasswordsAreLongAndDifferent() throws {
        let first = try PeopleAdmin.generatePassword()
        #expect(first.count >= 16)
        #expect(try PeopleAdmin.generatePassword() != first)
    }
}
