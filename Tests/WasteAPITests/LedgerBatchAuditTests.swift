import JSON
import Testing
@testable import WasteAPI
import WasteDomain

/// A batch of ledger entries is audited by one event that lists every stored entry; a single
/// create keeps its own event. The entry JSON written straight to bytes (used for both the
/// response and the audit) must be exactly the JSON the rest of the API shows.
@Suite struct LedgerBatchAuditTests {
    typealias F = LedgerFixture

    @Test func aBatchIsAuditedByOneEventListingEveryStoredEntryAsTheResponseShowsIt() throws {
        let f = try LedgerFixture()
        let created = try f.post(f.alpha, F.batch([
            F.entry("2026-11-02", "湿垃圾", "1.5", [("note", "食堂 \"午餐\"\n二楼")]),
            F.entry("2026-11-03", "recyclable", "2", [("subcategory", "paper"), ("disposal", "recycled")]),
            F.entry("2026-11-04", "residual", "0.001"),
        ]), token: f.clerkA)
        #expect(created.status == 201)
        let items = try #require(created.json["items"]?.arrayValue)
        #expect(items.count == 3)

        let events = try f.client.get("/v1/audit-events?entity=ledger_entry", token: f.admin).json["items"]?.arrayValue ?? []
        #expect(events.count == 1)
        let event = try #require(events.first)
        #expect(event["action"] == "create")
        #expect(event["entity_id"] == .null)
        #expect(event["before"] == .null)
        #expect(event["actor"]?["username"] == "clerk-a")
        #expect(event["after"]?["institution_id"]?.numberValue?.int64 == f.alpha)
        #expect(event["after"]?["count"]?.numberValue?.int64 == 3)
        #expect(event["after"]?["entries"]?.arrayValue == items)
        // Every entry listed is the stored one: ids, values and stamps as a GET shows them.
        for item in items {
            let id = try #require(item["id"]?.numberValue?.int64)
            #expect(try f.client.get("/v1/ledger-entries/\(id)", token: f.clerkA).json == item)
        }
    }

    @Test func aRefusedBatchRecordsNoEventAndASingleCreateKeepsItsOwn() throws {
        let f = try LedgerFixture()
        let refused = try f.post(f.alpha, F.batch([F.entry("2026-11-02", "food", "1"), F.entry("2026-11-02", "food", "-1")]))
        #expect(refused.status == 400)
        #expect(try f.count("SELECT COUNT(*) FROM audit_events WHERE entity = 'ledger_entry'") == 0)

        let single = try f.post(f.alpha, F.entry("2026-11-02", "food", "1"), token: f.clerkA)
        let id = try #require(single.json["id"]?.numberValue?.int64)
        let events = try f.client.get("/v1/audit-events?entity=ledger_entry&entity_id=\(id)", token: f.admin)
            .json["items"]?.arrayValue ?? []
        #expect(events.count == 1)
        #expect(events.first?["after"] == single.json)
    }

    /// Batches are inserted by multi-row statements of 64, 16, 4 and 1 rows; the ids the
    /// response gives must be the stored rows' ids, in the order sent, across every chunk.
    @Test func everyEntryOfABatchComesBackUnderItsOwnStoredId() throws {
        let f = try LedgerFixture()
        // Something stored first, so the batch's ids do not start at 1.
        try f.post(f.beta, F.entry("2026-11-01", "food", "9"), token: f.clerkB)
        let grams = Array(Int64(1)...89)  // 64 + 16 + 4 + 4 × 1 rows
        let texts = grams.map { JSONNumber(scaled: $0, decimals: 3).text }
        let created = try f.post(f.alpha, F.batch(texts.map { F.entry("2026-11-02", "residual", $0) }), token: f.clerkA)
        #expect(created.status == 201)
        let items = try #require(created.json["items"]?.arrayValue)
        #expect(items.compactMap { $0.numberText("weight_kg") } == texts)
        let ids = items.compactMap { $0["id"]?.numberValue?.int64 }
        #expect(ids == Array(2...90))
        for (id, weight) in zip(ids, grams) {
            #expect(try f.count("SELECT weight_g FROM ledger_entries WHERE id = \(id) AND institution_id = 1") == weight)
        }
    }

    @Test func theStreamedEntryJSONIsByteForByteTheValueTree() throws {
        let full = LedgerEntryFields(
            occurredOn: try #require(CalendarDate(year: 2026, month: 1, day: 9)), category: .recyclable, subcategory: "paper",
            grams: 12_300, weighed: false, stage: .treated, hauler: "尖山\"环卫\"\n所", destination: "\u{2028}plant\\",
            disposal: .recycled, manifestNo: "M-1", note: "\u{1}")
        var bare = full
        bare.subcategory = nil
        bare.hauler = nil
        bare.destination = nil
        bare.disposal = nil
        bare.manifestNo = nil
        bare.note = nil
        bare.grams = 100_000_000
        for fields in [full, bare] {
            let record = LedgerEntryRecord(id: 42, institutionID: 7, fields: fields, createdAt: "2026-01-09T01:02:03Z",
                                           updatedAt: "2026-01-10T01:02:03Z", version: 3)
            #expect(record.jsonBytes == record.json.serialized())
        }
    }
}
