import HTTPCore
import JSON
import Routing
import Storage

/// The audit event and the response of a batch of new ledger entries (a JSON batch or a CSV
/// import), written from one serialisation of the entries.
///
/// A batch is audited by ONE event, not one per entry (docs/DECISIONS.md, "Ledger batches are
/// audited as one event"): `entity` `ledger_entry`, `entity_id` null, the batch's `action`,
/// and `after` = `{institution_id, count, entries: [every stored entry, as the API shows it]}`.
/// It is recorded in the batch's own transaction, so the entries and their audit commit or
/// vanish together, and who, when and every value stored stay on record.
enum LedgerEntryBatch {
    static func auditAndRespond(_ db: Connection, _ records: [LedgerEntryRecord], institutionID: Int64,
                                context: APIContext, action: String) throws -> HTTPResponse {
        var items = JSONWriter(capacity: records.count * 400 + 16)
        items.beginArray()
        for record in records { record.write(to: &items) }
        items.endArray()

        var after = JSONWriter(capacity: items.bytes.count + 64)
        after.beginObject()
        after.writeKey("institution_id")
        after.writeInt(institutionID)
        after.writeKey("count")
        after.writeInt(records.count)
        after.writeKey("entries")
        after.writeRawValue(items.bytes)
        after.endObject()
        try AuditTrail.record(db, context: context, entity: "ledger_entry", id: nil, action: action,
                              beforeJSON: nil, afterJSON: after.string)

        return .json(status: 201, capacity: items.bytes.count + 32) { body in
            body.beginObject()
            body.writeKey("items")
            body.writeRawValue(items.bytes)
            body.writeKey("count")
            body.writeInt(records.count)
            body.endObject()
        }
    }
}
