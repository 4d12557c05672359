import Foundation
import Hashing
import JSON
import Testing
@testable import WasteAPI

/// The TOTP second factor: enrolment, confirmation, logins with codes, replay refusal and
/// `require_totp_for` (docs/API.md, Logins). Codes are computed as an authenticator app computes them.
@Suite struct TOTPTests {
    static func code(_ secret: String, _ app: TestApp, offset: Int64 = 0) -> String {
        OneTimePassword.totp(secret: Base32.decode(secret) ?? [], at: app.clock.now().secondsSinceEpoch + offset)
    }

    /// Enrols and confirms TOTP for the session's user; returns the secret.
    static func turnOn(_ app: TestApp, token: String) throws -> String {
        let enrolment = try app.client.post("/v1/me/totp", json: [:], token: token)
        #expect(enrolment.status == 201, "\(enrolment.text)")
        let secret = try #require(enrolment.json["secret"]?.stringValue)
        let confirmed = try app.client.post("/v1/me/totp/confirm", json: ["code": .string(code(secret, app))], token: token)
        #expect(confirmed.status == 200, "\(confirmed.text)")
        return secret
    }

    @Test func enrolmentGivesASecretAndAnOtpauthURI() throws {
        let app = try TestApp()
        let enrolment = try app.client.post("/v1/me/totp", json: [:], token: app.adminToken)
        #expect(enrolment.status == 201)
        let secret = try #require(enrolment.json["secret"]?.stringValue)
        #expect(Base32.decode(secret)?.count == 20)
        let uri = try #require(enrolment.json["otpauth_uri"]?.stringValue)
        #expect(uri.hasPrefix("otpauth://totp/wastesort:admin?secret=\(secret)&"))
        #expect(uri.contains("algorithm=SHA1") && uri.contains("digits=6") && uri.contains("period=30"))
        // Not in force before confirmation: the password alone still logs in.
        #expect(try app.login("admin", TestApp.adminPassword).hasPrefix("wst_"))
        let wrong = try app.client.post("/v1/me/totp/confirm", json: ["code": "000000"], token: app.adminToken)
        #expect(wrong.status == 400 || Self.code(secret, app) == "000000")
        #expect(wrong.errorFields == ["code"] || Self.code(secret, app) == "000000")
    }

    @Test func onceOnALoginNeedsAFreshCodeAndACodeWorksOnce() throws {
        let app = try TestApp()
        let secret = try Self.turnOn(app, token: app.adminToken)
        let password: JSONValue = ["username": "admin", "password": .string(TestApp.adminPassword)]
        let missing = try app.client.post("/v1/sessions", json: password)
        #expect(missing.status == 401)
        #expect(missing.errorFields == ["totp"])
        // The confirmation used this step's code: it cannot log in.
        let sameStep: JSONValue = ["username": "admin", "password": .string(TestApp.adminPassword),
                                   "totp": .string(Self.code(secret, app))]
        #expect(try app.client.post("/v1/sessions", json: sameStep).status == 401)
        app.clock.advance(seconds: 30)
        let next: JSONValue = ["username": "admin", "password": .string(TestApp.adminPassword),
                               "totp": .string(Self.code(secret, app))]
        #expect(try app.client.post("/v1/sessions", json: next).status == 201)
        let replay = try app.client.post("/v1/sessions", json: next)
        #expect(replay.status == 401)
        #expect(replay.json["errors"]?[0]?["message"]?.stringValue?.contains("already used") == true)
        // A code one step old (clock drift) still works once, if that step was not used.
        app.clock.advance(seconds: 60)
        let drift: JSONValue = ["username": "admin", "password": .string(TestApp.adminPassword),
                                "totp": .string(Self.code(secret, app, offset: 30))]
        #expect(try app.client.post("/v1/sessions", json: drift).status == 201)
        let wrongPassword: JSONValue = ["username": "admin", "password": "not-the-password", "totp": "123456"]
        #expect(try app.client.post("/v1/sessions", json: wrongPassword).status == 401)
        // A second enrolment is refused while TOTP is on; the command line resets it.
        #expect(try app.client.post("/v1/me/totp", json: [:], token: app.adminToken).status == 409)
        try PeopleAdmin.resetTOTP(in: app.pool, username: "admin", clock: app.clock.appClock)
        #expect(try app.login("admin", TestApp.adminPassword).hasPrefix("wst_"))
    }

    @Test func theLastUsedStepSurvivesARestartOfTheServer() throws {
        let app = try TestApp()
        let secret = try Self.turnOn(app, token: app.adminToken)
        let step = try app.rows("SELECT last_step FROM user_totp").first?["last_step"]
        #expect(step == String(app.clock.now().secondsSinceEpoch / 30))
        _ = secret
    }

    @Test func aRoleThatRequiresTOTPGetsAnEnrolmentOnlySessionFirst() throws {
        let app = try TestApp()
        let settings = try app.client.put("/v1/settings", json: ["require_totp_for": ["inspector"]], token: app.adminToken)
        #expect(settings.status == 200, "\(settings.text)")
        #expect(settings.json["require_totp_for"] == ["inspector"])
        _ = try app.createUser("qian.li", role: "inspector", password: "inspector-password")
        let first = try app.client.post("/v1/sessions", json: ["username": "qian.li", "password": "inspector-password"])
        #expect(first.status == 201)
        #expect(first.json["totp_enrolment_required"] == true)
        let limited = try #require(first.json["token"]?.stringValue)
        #expect(try app.client.get("/v1/institutions", token: limited).status == 403)
        #expect(try app.client.get("/v1/me", token: limited).status == 200)
        let secret = try Self.turnOn(app, token: limited)
        #expect(try app.client.get("/v1/me", token: limited).status == 401)  // its job is done
        app.clock.advance(seconds: 30)
        let login = try app.client.post("/v1/sessions", json: ["username": "qian.li", "password": "inspector-password",
                                                               "totp": .string(Self.code(secret, app))])
        #expect(login.status == 201)
        #expect(login.json["totp_enrolment_required"] == nil)
        let full = try #require(login.json["token"]?.stringValue)
        #expect(try app.client.get("/v1/institutions", token: full).status == 200)
        // Other roles are unaffected.
        #expect(try app.login("admin", TestApp.adminPassword).hasPrefix("wst_"))
        let bad = try app.client.put("/v1/settings", json: ["require_totp_for": ["boss"]], token: app.adminToken)
        #expect(bad.status == 400)
        #expect(bad.errorFields == ["require_totp_for[0]"])
    }
}
