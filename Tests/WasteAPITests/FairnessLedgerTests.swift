import JSON
import Testing
import WasteDomain

/// Empty months need a declaration; reopening a finding sets a new deadline (docs/DECISIONS.md, issue 12).
@Suite struct FairnessLedgerTests {
    typealias F = LedgerFixture

    @Test func anEmptyMonthIsRefusedUnlessDeclaredNoWasteWithAReason() throws {
        let f = try LedgerFixture()
        let refused = try f.action(f.alpha, "2026-10", "submit", token: f.clerkA)
        #expect(refused.status == 409)
        #expect(refused.json["detail"]?.stringValue?.contains("no entries") == true)
        #expect(try f.client.get(f.reportPath(f.alpha, "2026-10"), token: f.clerkA).json["status"] == "open")
        // the declaration needs its reason, and a reason alone declares nothing
        #expect(try f.action(f.alpha, "2026-10", "submit", token: f.clerkA, body: ["no_waste": true]).errorFields == ["reason"])
        #expect(try f.action(f.alpha, "2026-10", "submit", token: f.clerkA, body: ["reason": "装修"]).errorFields == ["reason"])
        #expect(try f.action(f.alpha, "2026-10", "submit", token: f.clerkA, body: ["no_wast": true]).status == 400)

        let declared = try f.action(f.alpha, "2026-10", "submit", token: f.clerkA,
                                    body: ["no_waste": true, "reason": "办公楼装修，全员异地办公"])
        #expect(declared.status == 200)
        #expect(declared.json["status"] == "submitted")
        #expect(declared.json["no_waste"] == .bool(true))
        #expect(declared.json["no_waste_reason"] == "办公楼装修，全员异地办公")
        #expect(declared.json["late"] == .bool(true))  // submitted on 20 November, due on the 5th
        let shown = try f.client.get(f.reportPath(f.alpha, "2026-10"), token: f.inspector).json
        #expect(shown["no_waste"] == .bool(true))
        #expect(try f.count("SELECT COUNT(*) FROM audit_events WHERE entity = 'ledger_report' AND action = 'submit'") == 1)
    }

    @Test func aMonthWithEntriesCannotBeDeclaredEmptyAndSubmitsAsBefore() throws {
        let f = try LedgerFixture()
        try f.post(f.alpha, F.entry("2026-10-02", "food", "1.5"), token: f.clerkA)
        let contradicted = try f.action(f.alpha, "2026-10", "submit", token: f.clerkA, body: ["no_waste": true, "reason": "x"])
        #expect(contradicted.status == 409)
        let submitted = try f.action(f.alpha, "2026-10", "submit", token: f.clerkA)
        #expect(submitted.status == 200)
        #expect(submitted.json["no_waste"] == .bool(false))
        #expect(submitted.json["no_waste_reason"] == .null)
    }
}
