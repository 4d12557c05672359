import JSON
import Routing
import Storage
import WasteDomain

/// The filters of the entry list and its CSV export: `from`, `to` (dates, inclusive),
/// `category` (any accepted spelling) and `stage`.
struct LedgerEntryFilter: Sendable {
    var from: CalendarDate?
    var to: CalendarDate?
    var category: WasteCategory?
    var stage: LedgerStage?

    static let parameters = ["from", "to", "category", "stage"]

    init(_ query: QueryParameters) throws(HTTPError) {
        from = try Self.date(query, "from")
        to = try Self.date(query, "to")
        if let from, let to, from > to { throw HTTPError.invalidQuery("to", "must not be before from (\(from))") }
        if let text = query["category"], !text.isEmpty {
            guard let category = CategoryNames.resolve(text) else {
                throw HTTPError.invalidQuery("category", "must be recyclable, hazardous, food or residual (or a Chinese name or alias)")
            }
            self.category = category
        }
        if let text = try query.oneOf("stage", LedgerStage.allCases.map(\.rawValue)) { stage = LedgerStage(rawValue: text) }
    }

    private static func date(_ query: QueryParameters, _ name: String) throws(HTTPError) -> CalendarDate? {
        guard let text = query[name], !text.isEmpty else { return nil }
        guard let date = CalendarDate(parsing: text) else { throw HTTPError.invalidQuery(name, "must be a date YYYY-MM-DD") }
        return date
    }

    /// The entries of `institutionID` with ids after `afterID`, matching, in id order; all of them when `limit` is nil.
    func entries(_ db: Connection, institutionID: Int64, afterID: Int64 = 0, limit: Int? = nil) throws -> [LedgerEntryRecord] {
        var sql = "SELECT \(LedgerEntryRecord.columns) FROM ledger_entries WHERE institution_id = ? AND id > ?"
        var arguments: [any SQLValueConvertible] = [institutionID, afterID]
        if let from { sql += " AND occurred_on >= ?"; arguments.append(from.description) }
        if let to { sql += " AND occurred_on <= ?"; arguments.append(to.description) }
        if let category { sql += " AND category = ?"; arguments.append(category.rawValue) }
        if let stage { sql += " AND stage = ?"; arguments.append(stage.rawValue) }
        sql += " ORDER BY id"
        if let limit { sql += " LIMIT ?"; arguments.append(limit) }
        var records: [LedgerEntryRecord] = []
        try db.forEachRow(sql, arguments) { records.append(try LedgerEntryRecord(cursor: $0)) }
        return records
    }
}
