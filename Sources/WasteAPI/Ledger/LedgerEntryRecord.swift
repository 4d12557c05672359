import JSON
import Storage
import WasteDomain

/// A ledger entry as stored, and as the API shows it: weights leave as kilograms written
/// from the integer grams, so `0.1 + 0.2` never turns into `0.30000000000000004`.
struct LedgerEntryRecord: Sendable {
    let id: Int64
    let institutionID: Int64
    let fields: LedgerEntryFields
    let createdAt: String
    let updatedAt: String
    let version: Int64

    static let columns = """
        id, institution_id, occurred_on, category, subcategory, weight_g, weighed, stage, hauler, destination, \
        disposal, manifest_no, note, created_at, updated_at, version
        """
    /// The columns ``LedgerEntryFields/sqlArguments`` fills, in order.
    static let writableColumns = ["occurred_on", "month", "category", "subcategory", "weight_g", "weighed", "stage",
                                  "hauler", "destination", "disposal", "manifest_no", "note"]

    init(id: Int64, institutionID: Int64, fields: LedgerEntryFields, createdAt: String, updatedAt: String, version: Int64) {
        self.id = id
        self.institutionID = institutionID
        self.fields = fields
        self.createdAt = createdAt
        self.updatedAt = updatedAt
        self.version = version
    }

    init(row: Row) throws {
        id = try row.int64("id")
        institutionID = try row.int64("institution_id")
        let occurred = try row.string("occurred_on")
        guard let date = CalendarDate(parsing: occurred),
              let category = WasteCategory(rawValue: try row.string("category")),
              let stage = LedgerStage(rawValue: try row.string("stage")) else {
            throw CorruptLedgerRow(table: "ledger_entries", column: "occurred_on")
        }
        fields = LedgerEntryFields(
            occurredOn: date, category: category, subcategory: try row.optionalString("subcategory"),
            grams: try row.int64("weight_g"), weighed: try row.bool("weighed"), stage: stage,
            hauler: try row.optionalString("hauler"), destination: try row.optionalString("destination"),
            disposal: try row.optionalString("disposal").flatMap(Disposal.init(rawValue:)),
            manifestNo: try row.optionalString("manifest_no"), note: try row.optionalString("note"))
        createdAt = try row.string("created_at")
        updatedAt = try row.string("updated_at")
        version = try row.int64("version")
    }

    /// The same from a cursor on a row of ``columns``, by position: lists read pages of them.
    init(cursor row: borrowing RowCursor) throws {
        guard let date = try row.withUTF8(2, CalendarDate.init(utf8:)),
              let category = WasteCategory(rawValue: try row.string(3)),
              let stage = LedgerStage(rawValue: try row.string(7)) else {
            throw CorruptLedgerRow(table: "ledger_entries", column: "occurred_on")
        }
        id = try row.int64(0)
        institutionID = try row.int64(1)
        fields = LedgerEntryFields(
            occurredOn: date, category: category, subcategory: try row.optionalString(4),
            grams: try row.int64(5), weighed: try row.bool(6), stage: stage,
            hauler: try row.optionalString(8), destination: try row.optionalString(9),
            disposal: try row.optionalString(10).flatMap(Disposal.init(rawValue:)),
            manifestNo: try row.optionalString(11), note: try row.optionalString(12))
        createdAt = try row.string(13)
        updatedAt = try row.string(14)
        version = try row.int64(15)
    }

    static func find(_ db: Connection, id: Int64) throws -> LedgerEntryRecord? {
        try db.queryOne("SELECT \(columns) FROM ledger_entries WHERE id = ?", [id]).map(LedgerEntryRecord.init)
    }

    var etag: String { Conditional.etag(version: version) }

    var json: JSONValue {
        .object(JSONObject([
            ("id", .number(JSONNumber(id))),
            ("institution_id", .number(JSONNumber(institutionID))),
            ("occurred_on", .string(fields.occurredOn.description)),
            ("category", .string(fields.category.rawValue)),
            ("subcategory", Self.optional(fields.subcategory)),
            ("weight_kg", .number(Weight.kilograms(fields.grams))),
            ("weighed", .bool(fields.weighed)),
            ("stage", .string(fields.stage.rawValue)),
            ("hauler", Self.optional(fields.hauler)),
            ("destination", Self.optional(fields.destination)),
            ("disposal", Self.optional(fields.disposal?.rawValue)),
            ("manifest_no", Self.optional(fields.manifestNo)),
            ("note", Self.optional(fields.note)),
            ("created_at", .string(createdAt)),
            ("updated_at", .string(updatedAt)),
            ("version", .number(JSONNumber(version))),
        ]))
    }

    private static func optional(_ text: String?) -> JSONValue {
        text.map(JSONValue.string) ?? .null
    }

    /// Writes the object ``json`` describes straight to `writer`, member for member (a test
    /// holds the two byte-identical): batch creates write hundreds of entries into the response
    /// and the audit event, and building a value tree per entry cost more than storing it.
    func write(to writer: inout JSONWriter) {
        writer.beginObject()
        writer.writeKey("id")
        writer.writeInt(id)
        writer.writeKey("institution_id")
        writer.writeInt(institutionID)
        writer.writeKey("occurred_on")
        writer.writeString(fields.occurredOn.description)
        writer.writeKey("category")
        writer.writeString(fields.category.rawValue)
        Self.write("subcategory", fields.subcategory, to: &writer)
        writer.writeKey("weight_kg")
        writer.writeScaled(fields.grams, decimals: 3)
        writer.writeKey("weighed")
        writer.writeBool(fields.weighed)
        writer.writeKey("stage")
        writer.writeString(fields.stage.rawValue)
        Self.write("hauler", fields.hauler, to: &writer)
        Self.write("destination", fields.destination, to: &writer)
        Self.write("disposal", fields.disposal?.rawValue, to: &writer)
        Self.write("manifest_no", fields.manifestNo, to: &writer)
        Self.write("note", fields.note, to: &writer)
        writer.writeKey("created_at")
        writer.writeString(createdAt)
        writer.writeKey("updated_at")
        writer.writeString(updatedAt)
        writer.writeKey("version")
        writer.writeInt(version)
        writer.endObject()
    }

    /// The entry as JSON bytes (``write(to:)``).
    var jsonBytes: [UInt8] {
        var writer = JSONWriter(capacity: 384)
        write(to: &writer)
        return writer.bytes
    }

    private static func write(_ key: String, _ text: String?, to writer: inout JSONWriter) {
        writer.writeKey(key)
        if let text { writer.writeString(text) } else { writer.writeNull() }
    }
}

extension LedgerEntryRecord: JSONEncodable {
    func encode(to writer: inout JSONWriter) { write(to: &writer) }
}
