import JSON
import Testing
import WasteDomain

@Suite struct LedgerReportTests {
    typealias F = LedgerFixture

    @Test func aMonthWithoutAReportIsOpenWithTotalsAndItsDueDate() throws {
        let f = try LedgerFixture()
        try f.post(f.alpha, F.batch([
            F.entry("2026-10-02", "food", "0.1"), F.entry("2026-10-03", "food", "0.2"),
            F.entry("2026-10-03", "food", "0.25", stage: "treated"), F.entry("2026-10-31", "hazardous", "0.003"),
        ]), token: f.clerkA)
        let report = try f.client.get(f.reportPath(f.alpha, "2026-10"), token: f.clerkA)
        #expect(report.status == 200)
        let body = report.json
        #expect(body["status"] == "open")
        #expect(body["entry_count"]?.numberValue?.int64 == 4)
        #expect(body["totals"]?.numberText("food") == "0.3")  // collected counted; the treated weight is the same waste
        #expect(body["totals"]?.numberText("hazardous") == "0.003")
        #expect(body["totals_by_stage"]?["treated"]?.numberText("food") == "0.25")
        #expect(body["due_on"] == "2026-11-05")
        #expect(body["late"] == .bool(true))  // 20 November: past due and not submitted
        #expect(body["version"]?.numberValue?.int64 == 0)
        let etag = try #require(report.header("etag"))
        #expect(try f.client.get(f.reportPath(f.alpha, "2026-10"), token: f.clerkA, headers: [("If-None-Match", etag)]).status == 304)
        try f.post(f.alpha, F.entry("2026-10-04", "food", "1"), token: f.clerkA)
        let changed = try f.client.get(f.reportPath(f.alpha, "2026-10"), token: f.clerkA, headers: [("If-None-Match", etag)])
        #expect(changed.status == 200)  // the totals changed, so must the tag
        #expect(try f.client.get(f.reportPath(f.alpha, "2026-13"), token: f.clerkA).status == 404)
    }

    @Test func theWorkflowRefusesEveryIllegalTransitionNamingTheStatus() throws {
        let f = try LedgerFixture()
        let month = "2026-10"
        try f.post(f.alpha, F.entry("2026-10-02", "food", "1"), token: f.clerkA)  // an empty month needs no_waste
        func expectConflict(_ action: String, _ status: String, token: String, body: JSONValue? = nil) throws {
            let response = try f.action(f.alpha, month, action, token: token, body: body)
            #expect(response.status == 409, "\(action) from \(status)")
            #expect(response.json["detail"]?.stringValue?.contains("is \(status)") == true, "\(action) from \(status)")
        }
        let reason: JSONValue = ["reason": "食堂数据缺失"]
        // open
        try expectConflict("accept", "open", token: f.inspector)
        try expectConflict("return", "open", token: f.inspector, body: reason)
        let submitted = try f.action(f.alpha, month, "submit", token: f.clerkA)
        #expect(submitted.status == 200)
        #expect(submitted.json["status"] == "submitted")
        #expect(submitted.json["submitted_at"] == .string(LedgerFixture.now.description))
        #expect(submitted.json["late"] == .bool(true))  // submitted on 20 November, due on the 5th
        // submitted
        try expectConflict("submit", "submitted", token: f.clerkA)
        #expect(try f.action(f.alpha, month, "return", token: f.inspector, body: [:]).errorFields == ["reason"])
        let returned = try f.action(f.alpha, month, "return", token: f.inspector, body: reason)
        #expect(returned.status == 200)
        #expect(returned.json["status"] == "returned")
        #expect(returned.json["return_reason"] == "食堂数据缺失")
        // returned
        try expectConflict("accept", "returned", token: f.inspector)
        try expectConflict("return", "returned", token: f.inspector, body: reason)
        #expect(try f.action(f.alpha, month, "submit", token: f.admin).status == 200)
        let accepted = try f.action(f.alpha, month, "accept", token: f.inspector)
        #expect(accepted.json["status"] == "accepted")
        #expect(accepted.json["version"]?.numberValue?.int64 == 4)
        // accepted
        try expectConflict("submit", "accepted", token: f.clerkA)
        try expectConflict("accept", "accepted", token: f.admin)
        try expectConflict("return", "accepted", token: f.admin, body: reason)
        #expect(try f.count("SELECT COUNT(*) FROM audit_events WHERE entity = 'ledger_report'") == 4)
    }

    @Test func rolesAreCheckedForEachTransition() throws {
        let f = try LedgerFixture()
        try f.post(f.alpha, F.entry("2026-10-02", "food", "1"), token: f.clerkA)
        #expect(try f.action(f.alpha, "2026-10", "submit", token: f.inspector).status == 403)
        #expect(try f.action(f.alpha, "2026-10", "submit", token: f.viewer).status == 403)
        #expect(try f.action(f.alpha, "2026-10", "submit", token: f.clerkB).status == 404)
        #expect(try f.client.get(f.reportPath(f.alpha, "2026-10"), token: f.clerkB).status == 404)
        #expect(try f.action(f.alpha, "2026-10", "submit", token: f.clerkA).status == 200)
        #expect(try f.action(f.alpha, "2026-10", "accept", token: f.clerkA).status == 403)
        #expect(try f.action(f.alpha, "2026-10", "return", token: f.clerkA, body: ["reason": "x"]).status == 403)
        #expect(try f.action(f.alpha, "2026-10", "accept", token: f.inspector).status == 200)
    }

    @Test func aMonthCannotBeSubmittedBeforeItIsOver() throws {
        let f = try LedgerFixture()
        try f.post(f.alpha, F.entry("2026-11-02", "food", "1"), token: f.clerkA)
        let current = try f.action(f.alpha, "2026-11", "submit", token: f.clerkA)
        #expect(current.status == 409)
        #expect(current.json["detail"]?.stringValue?.contains("before the month is over") == true)
        #expect(try f.action(f.alpha, "2027-01", "submit", token: f.clerkA).status == 409)
        f.app.clock.set(Timestamp(parsing: "2026-11-30T16:00:00Z")!)  // 1 December 00:00 in the district
        let token = try f.app.login("clerk-a", "pw-clerk-a")  // sessions last 12 hours
        #expect(try f.action(f.alpha, "2026-11", "submit", token: token).status == 200)
    }

    @Test func aSubmittedMonthIsFrozenUntilReturned() throws {
        let f = try LedgerFixture()
        let created = try f.post(f.alpha, F.entry("2026-10-10", "food", "2"), token: f.clerkA)
        let path = try #require(created.header("location"))
        let november = try f.post(f.alpha, F.entry("2026-11-02", "food", "2"), token: f.clerkA)
        let novemberPath = try #require(november.header("location"))
        #expect(try f.action(f.alpha, "2026-10", "submit", token: f.clerkA).status == 200)

        let add = try f.post(f.alpha, F.batch([F.entry("2026-11-03", "food", "1"), F.entry("2026-10-11", "food", "1")]),
                             token: f.clerkA)
        #expect(add.status == 409)
        #expect(add.json["detail"] == "the 2026-10 ledger report was submitted on 2026-11-20 and is frozen; ask the office to return it")
        #expect(try f.client.patch(path, json: ["weight_kg": 3], token: f.clerkA).status == 409)
        #expect(try f.client.delete(path, token: f.admin).status == 409)
        // Moving an entry of an open month into the frozen one is a change to the frozen month too.
        #expect(try f.client.patch(novemberPath, json: ["occurred_on": "2026-10-30"], token: f.clerkA).status == 409)
        #expect(try f.count("SELECT COUNT(*) FROM ledger_entries") == 2)

        #expect(try f.action(f.alpha, "2026-10", "return", token: f.inspector, body: ["reason": "补录"]).status == 200)
        #expect(try f.client.patch(path, json: ["weight_kg": 3], token: f.clerkA).status == 200)
        #expect(try f.post(f.alpha, F.entry("2026-10-11", "food", "1"), token: f.clerkA).status == 201)
        #expect(try f.action(f.alpha, "2026-10", "submit", token: f.clerkA).status == 200)
        #expect(try f.action(f.alpha, "2026-10", "accept", token: f.inspector).status == 200)
        let closed = try f.client.delete(path, token: f.admin)
        #expect(closed.status == 409)
        #expect(closed.json["detail"]?.stringValue?.contains("was accepted on 2026-11-20") == true)
        // Other institutions' months are not affected.
        #expect(try f.post(f.beta, F.entry("2026-10-11", "food", "1"), token: f.clerkB).status == 201)
    }

    @Test func lateIsJudgedOnTheDistrictDateOfTheSubmission() throws {
        let f = try LedgerFixture()
        try f.post(f.alpha, F.entry("2026-10-02", "food", "1"), token: f.clerkA)
        try f.post(f.beta, F.entry("2026-10-02", "food", "1"), token: f.clerkB)
        f.app.clock.set(Timestamp(parsing: "2026-11-05T15:30:00Z")!)  // 23:30 on the due day in UTC+8
        let token = try f.app.login("clerk-a", "pw-clerk-a")
        let onTime = try f.action(f.alpha, "2026-10", "submit", token: token)
        #expect(onTime.json["late"] == .bool(false))
        f.app.clock.set(Timestamp(parsing: "2026-11-05T16:30:00Z")!)  // 00:30 on the 6th
        let late = try f.action(f.beta, "2026-10", "submit", token: try f.app.login("clerk-b", "pw-clerk-b"))
        #expect(late.json["late"] == .bool(true))
        let before = try f.client.get(f.reportPath(f.alpha, "2026-11"), token: token)
        #expect(before.json["late"] == .bool(false))
        #expect(before.json["due_on"] == "2026-12-05")
    }

    @Test func theOfficeListsEveryActiveInstitutionAndWhoHasNotReported() throws {
        let f = try LedgerFixture()
        try f.addInstitution(3, code: "A000", name: "尖山区人大", headcount: 20)
        try f.addInstitution(4, code: "Z999", name: "已撤销单位", headcount: 1, status: "archived")
        try f.post(f.beta, F.entry("2026-10-02", "food", "1"))
        #expect(try f.action(f.beta, "2026-10", "submit", token: f.clerkB).status == 200)
        let list = try f.client.get("/v1/ledger-reports?month=2026-10", token: f.inspector)
        #expect(list.status == 200)
        let items = list.json["items"]?.arrayValue ?? []
        #expect(items.map { $0["institution"]?["code"] } == ["A000", "A001", "B002"])
        #expect(items.map { $0["status"] } == ["open", "open", "submitted"])
        #expect(items.map { $0["late"] } == [.bool(true), .bool(true), .bool(true)])
        #expect(items.last?["entry_count"]?.numberValue?.int64 == 1)
        #expect(list.json["counts"]?["open"]?.numberValue?.int64 == 2)
        let open = try f.client.get("/v1/ledger-reports?month=2026-10&status=open", token: f.admin)
        #expect(open.json["items"]?.arrayValue?.compactMap { $0["institution"]?["code"]?.stringValue } == ["A000", "A001"])
        #expect(try f.client.get("/v1/ledger-reports", token: f.admin).errorFields == ["month"])
        #expect(try f.client.get("/v1/ledger-reports?month=2026-1", token: f.admin).errorFields == ["month"])
        #expect(try f.client.get("/v1/ledger-reports?month=2026-10&status=late", token: f.admin).errorFields == ["status"])
        #expect(try f.client.get("/v1/ledger-reports?month=2026-10", token: f.clerkA).status == 403)
        #expect(try f.client.get("/v1/ledger-reports?month=2026-10", token: f.viewer).status == 403)
    }
}
