import Foundation
import Hashing
import JSON
import Outbound
import Testing
@testable import WasteAPI
import WasteDomain

/// The outbox and its delivery worker against a receiver on loopback: signatures, robot
/// formats, retries, the allow-list, and restarts.
@Suite struct ReminderDeliveryTests {
    /// One overdue finding of institution 1: one event for `finding_overdue` subscribers.
    static func overdueFinding(_ world: ReminderWorld) throws -> Int64 {
        try world.setDueDay(28)
        return try world.addFinding(institution: 1, rectifyBy: try world.today.adding(days: -2)!)
    }

    /// What a receiver does to trust a delivery: recompute HMAC-SHA256(secret, "<t>.<body>") and
    /// compare it with `v1` of `X-Wastesort-Signature` (README, "Verifying a webhook").
    static func verifies(_ request: LoopbackReceiver.Received, secret: String) -> Bool {
        guard let header = request.header("X-Wastesort-Signature") else { return false }
        var parts: [String: String] = [:]
        for item in header.split(separator: ",") {
            let pair = item.split(separator: "=", maxSplits: 1)
            if pair.count == 2 { parts[String(pair[0])] = String(pair[1]) }
        }
        guard let t = parts["t"], let v1 = parts["v1"] else { return false }
        let expected = Hex.encode(HMACSHA256.authenticationCode(key: Array(secret.utf8), message: Array("\(t).".utf8) + request.body))
        return ConstantTime.equals(Array(expected.utf8), Array(v1.utf8))
    }

    @Test func aWebhookDeliveryIsSignedAndTheReceiverVerifiesIt() throws {
        let world = try ReminderWorld(backgroundWork: true)
        let finding = try Self.overdueFinding(world)
        try world.subscribe(world.webhook(events: [.findingOverdue], secret: "s3cret-for-hooks"))
        _ = try world.run()
        let request = try #require(world.receiver.waitFor(1).first)
        #expect(request.method == "POST" && request.target == "/hook")
        #expect(Self.verifies(request, secret: "s3cret-for-hooks"))
        #expect(!Self.verifies(request, secret: "another-secret"))
        #expect(request.header("X-Wastesort-Event") == "finding_overdue")
        #expect(request.header("Content-Type")?.hasPrefix("application/json") == true)
        let body = try JSONValue.parse(request.body)
        #expect(body["delivery_id"]?.stringValue == request.header("X-Wastesort-Delivery"))
        #expect(body["subject"]?.stringValue == "finding:\(finding)")
        #expect(body["institution"]?["name"]?.stringValue == "尖山区统计局")
        #expect(body["data"]?["days_late"]?.int64 == 2)
        #expect(try world.waitUntil { try world.deliveries("delivered").count == 1 })
        let delivered = try #require(try world.deliveries("delivered").first)
        #expect(delivered["delivery_id"]?.stringValue == request.header("X-Wastesort-Delivery"))
        #expect(delivered["last_status"]?.int64 == 200)
    }

    @Test func wecomAndDingTalkRobotsGetTheirDocumentedMarkdownMessages() throws {
        let world = try ReminderWorld(backgroundWork: true)
        _ = try Self.overdueFinding(world)
        let secret = "SEC0123456789abcdef"
        try world.subscribe(["channel": "wecom", "events": ["finding_overdue"],
                             "url": .string(world.receiver.url + "/cgi-bin/webhook/send?key=wecom-key")])
        try world.subscribe(["channel": "dingtalk", "events": ["finding_overdue"], "secret": .string(secret),
                             "url": .string(world.receiver.url + "/robot/send?access_token=ding-token")])
        let before = Int64(Date().timeIntervalSince1970) * 1000
        _ = try world.run()
        let requests = world.receiver.waitFor(2)
        let wecom = try #require(requests.first { $0.target.hasPrefix("/cgi-bin/webhook/send") })
        #expect(wecom.target == "/cgi-bin/webhook/send?key=wecom-key")
        let wecomBody = try JSONValue.parse(wecom.body)
        #expect(wecomBody["msgtype"]?.stringValue == "markdown")
        let content = try #require(wecomBody["markdown"]?["content"]?.stringValue)
        #expect(content.hasPrefix("**【整改逾期】尖山区统计局**\n【整改逾期】尖山区统计局："))
        #expect(content.utf8.count <= 4096)

        let ding = try #require(requests.first { $0.target.hasPrefix("/robot/send") })
        let dingBody = try JSONValue.parse(ding.body)
        #expect(dingBody["msgtype"]?.stringValue == "markdown")
        #expect(dingBody["markdown"]?["title"]?.stringValue == "【整改逾期】尖山区统计局")
        #expect(dingBody["markdown"]?["text"]?.stringValue?.contains("已逾期2天") == true)
        let query = Dictionary(uniqueKeysWithValues: ding.target.split(separator: "?")[1].split(separator: "&").map { item in
            let pair = item.split(separator: "=", maxSplits: 1).map(String.init)
            return (pair[0], pair.count > 1 ? pair[1] : "")
        })
        #expect(query["access_token"] == "ding-token")
        let timestamp = try #require(query["timestamp"].flatMap { Int64($0) })
        #expect(abs(timestamp - before) < 120_000, "milliseconds since the epoch, near now")
        // DingTalk's algorithm, computed here with Foundation's base64 and percent-encoding
        let code = HMACSHA256.authenticationCode(key: secret, message: "\(timestamp)\n\(secret)")
        let expected = Data(code).base64EncodedString().addingPercentEncoding(withAllowedCharacters: .alphanumerics)
        #expect(query["sign"] == expected)
        #expect(try world.waitUntil { try world.deliveries("delivered").count == 2 })
    }

    @Test func aClerksWeComGroupGetsTheCuiBaoThreeDaysBeforeTheDeadline() throws {
        let (clock, today) = ReminderSchedulerTests.evening()
        let world = try ReminderWorld(clock: clock)
        let dueOn = today.adding(days: 3)!
        try world.setDueDay(dueOn.day)
        try world.subscribe(["channel": "wecom", "events": ["ledger_report_due_soon"],
                             "url": .string(world.receiver.url + "/cgi-bin/webhook/send?key=unit-1")], token: world.clerk)
        _ = try world.run()
        world.app.app.startBackgroundWork()
        let request = try #require(world.receiver.waitFor(1).first)
        let content = try JSONValue.parse(request.body)["markdown"]?["content"]?.stringValue ?? ""
        let month = dueOn.yearMonth.previous
        #expect(content.contains("【催报】尖山区统计局：\(month.chineseName)台账应于\(dueOn.year)年\(dueOn.month)月\(dueOn.day)日前报送，目前尚未报送。请登录系统报送。"))
        Thread.sleep(forTimeInterval: 0.3)
        #expect(world.receiver.requests.count == 1, "only the clerk's own unit, once")
    }

    @Test func aRobotThatAnswersANonZeroErrcodeHasNotReceivedTheMessage() throws {
        let world = try ReminderWorld(backgroundWork: true)
        world.receiver.setAnswer { _ in .init(status: 200, body: "{\"errcode\":93000,\"errmsg\":\"invalid webhook url\"}") }
        _ = try Self.overdueFinding(world)
        try world.subscribe(["channel": "wecom", "events": ["finding_overdue"], "url": .string(world.receiver.url + "/send?key=k")])
        _ = try world.run()
        #expect(try world.waitUntil { try world.deliveries("pending").first?["attempts"]?.int64 == 1 })
        let waiting = try #require(try world.deliveries("pending").first)
        #expect(waiting["last_error"]?.stringValue?.contains("errcode 93000") == true)
    }

    @Test func failedAttemptsAreRetriedWithExponentialBackoffUnderTheSameDeliveryID() throws {
        let world = try ReminderWorld(backgroundWork: true)
        world.receiver.setAnswer { _ in .init(status: 503, body: "busy") }
        _ = try Self.overdueFinding(world)
        try world.subscribe(world.webhook(events: [.findingOverdue]))
        let start = world.app.clock.now()
        _ = try world.run()
        #expect(try world.waitUntil { try world.deliveries("pending").first?["attempts"]?.int64 == 1 })
        var delivery = try #require(try world.deliveries("pending").first)
        #expect(delivery["next_attempt_at"]?.stringValue == start.adding(seconds: 30).description)
        #expect(delivery["last_status"]?.int64 == 503)
        #expect(delivery["last_error"]?.stringValue?.contains("503") == true)

        world.app.clock.advance(seconds: 30)
        #expect(try world.waitUntil { try world.deliveries("pending").first?["attempts"]?.int64 == 2 })
        delivery = try #require(try world.deliveries("pending").first)
        #expect(delivery["next_attempt_at"]?.stringValue == start.adding(seconds: 30 + 60).description)

        world.receiver.setAnswer { _ in .init() }
        world.app.clock.advance(seconds: 59)
        Thread.sleep(forTimeInterval: 0.3)
        #expect(world.receiver.requests.count == 2, "not before its time")
        world.app.clock.advance(seconds: 1)
        #expect(try world.waitUntil { try world.deliveries("delivered").count == 1 })
        let ids = Set(world.receiver.requests.compactMap { $0.header("X-Wastesort-Delivery") })
        #expect(world.receiver.requests.count == 3 && ids.count == 1)
    }

    @Test func theRetryScheduleDoublesUpToFourHoursForADay() {
        let schedule = RetrySchedule()
        #expect((1...6).map { schedule.delay(afterAttempt: $0) } == [30, 60, 120, 240, 480, 960])
        #expect(schedule.delay(afterAttempt: 10) == 4 * 3600)
        #expect(schedule.delay(afterAttempt: 500) == 4 * 3600)
        #expect(schedule.nextAttempt(afterAttempt: 1, now: 1000, windowStart: 1000) == 1030)
        #expect(schedule.nextAttempt(afterAttempt: 12, now: 1000 + 23 * 3600, windowStart: 1000) == nil, "past 24 h: give up")
        // how many attempts fit into the day when every one fails at once
        var now: Int64 = 0, attempts = 1
        while let next = schedule.nextAttempt(afterAttempt: attempts, now: now, windowStart: 0) { now = next; attempts += 1 }
        #expect(attempts == 14 && now == 72_930)
    }

    @Test func aDeliveryThatKeepsFailingIsShownAsFailedAndAnAdminCanRetryIt() throws {
        let world = try ReminderWorld(backgroundWork: true) { options in
            options.reminders.retrySchedule.windowSeconds = 60
        }
        world.receiver.setAnswer { _ in .init(status: 500, body: "down") }
        _ = try Self.overdueFinding(world)
        try world.subscribe(world.webhook(events: [.findingOverdue]))
        _ = try world.run()
        #expect(try world.waitUntil { try world.deliveries("pending").first?["attempts"]?.int64 == 1 })
        world.app.clock.advance(seconds: 30)
        #expect(try world.waitUntil { try world.deliveries("failed").count == 1 })
        let failed = try #require(try world.deliveries("failed").first)
        #expect(failed["attempts"]?.int64 == 2 && failed["next_attempt_at"] == .null)
        #expect(failed["last_error"]?.stringValue?.contains("500") == true)

        world.receiver.setAnswer { _ in .init() }
        let id = try #require(failed["id"]?.int64)
        #expect(try world.app.client.post("/v1/deliveries/\(id)/retry", json: [:], token: world.clerk).status == 403)
        let retried = try world.app.client.post("/v1/deliveries/\(id)/retry", json: [:], token: world.admin)
        #expect(retried.status == 200 && retried.json["status"]?.stringValue == "pending")
        #expect(try world.waitUntil { try world.deliveries("delivered").count == 1 })
        #expect(Set(world.receiver.requests.compactMap { $0.header("X-Wastesort-Delivery") }) == [failed["delivery_id"]?.stringValue ?? "?"])
        #expect(try world.app.client.post("/v1/deliveries/\(id)/retry", json: [:], token: world.admin).status == 409)
        #expect(try world.app.client.get("/v1/deliveries?status=lost", token: world.admin).status == 400)
    }

    @Test func onlyHostsOfTheAllowListAreContacted() throws {
        let world = try ReminderWorld(backgroundWork: true)
        let refused = try world.app.client.post("/v1/subscriptions", json: [
            "channel": "webhook", "events": ["finding_overdue"], "url": "https://hooks.example.com/x", "secret": "12345678",
        ], token: world.admin)
        #expect(refused.status == 400 && refused.errorFields == ["url"])
        #expect(refused.json["errors"]?[0]?["message"]?.stringValue?.contains("outbound_hosts") == true)
        // user-info tricks name the host after the "@"
        let tricked = try world.app.client.post("/v1/subscriptions", json: [
            "channel": "webhook", "events": ["finding_overdue"], "url": "http://127.0.0.1@evil.example.com/", "secret": "12345678",
        ], token: world.admin)
        #expect(tricked.status == 400 && tricked.errorFields == ["url"])
        let ftp = try world.app.client.post("/v1/subscriptions", json: [
            "channel": "wecom", "events": ["finding_overdue"], "url": "ftp://127.0.0.1/x",
        ], token: world.admin)
        #expect(ftp.status == 400 && ftp.errorFields == ["url"])

        // a host removed from the list after subscribing is not contacted either
        _ = try Self.overdueFinding(world)
        try world.subscribe(world.webhook(events: [.findingOverdue]))
        #expect(try world.app.client.put("/v1/settings", json: ["outbound_hosts": ["hooks.example.com"]], token: world.admin).status == 200)
        _ = try world.run()
        #expect(try world.waitUntil { try world.deliveries("pending").first?["attempts"]?.int64 == 1 })
        #expect(try world.deliveries("pending").first?["last_error"]?.stringValue?.contains("not in outbound_hosts") == true)
        #expect(world.receiver.requests.isEmpty)
    }

    @Test func redirectsAreNotFollowed() throws {
        let receiver = try LoopbackReceiver { request in
            request.target == "/moved" ? .init(status: 302, headers: [("Location", "/elsewhere")], body: "") : .init()
        }
        let response = try CurlTransport().post(WebRequest(url: receiver.url + "/moved", body: Array("{}".utf8)),
                                                allowed: HostAllowList(["127.0.0.1"]))
        #expect(response.status == 302)
        #expect(receiver.requests.map(\.target) == ["/moved"])
        #expect(throws: OutboundError.hostNotAllowed("127.0.0.1")) {
            try CurlTransport().post(WebRequest(url: receiver.url + "/moved", body: []), allowed: HostAllowList(["localhost"]))
        }
    }

    @Test func queuedDeliveriesSurviveARestartAndKeepTheirIDs() throws {
        let first = try ReminderWorld(backgroundWork: false)
        _ = try Self.overdueFinding(first)
        _ = try first.addFinding(institution: 2, rectifyBy: try first.today.adding(days: -1)!)
        try first.subscribe(first.webhook(events: [.findingOverdue]))
        #expect(try first.run()["deliveries"]?.int64 == 2)
        let queued = Set(try first.deliveries("pending").compactMap { $0["delivery_id"]?.stringValue })
        #expect(queued.count == 2)
        let events = try first.app.rows("SELECT id FROM reminder_events").count
        first.app.close()

        let second = try TestApp(directory: first.app.directory, backgroundWork: true) { options in
            options.reminders.deliveryPollSeconds = 0.05
        }
        let received = first.receiver.waitFor(2)
        #expect(Set(received.compactMap { $0.header("X-Wastesort-Delivery") }) == queued)
        let delivered = try ReminderWorld.poll { try second.rows("SELECT id FROM deliveries WHERE status = 'delivered'").count == 2 }
        #expect(delivered)
        #expect(try second.rows("SELECT id FROM reminder_events").count == events, "the restart's own scheduler pass adds nothing new today")
    }
}
