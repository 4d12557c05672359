import JSON
import Storage
import WasteDomain

/// Reads ledger weight summed by institution, month, category, stage and disposal: the input
/// of the pure statistics in `WasteDomain` (stage rule, totals, rates).
enum LedgerStatsQuery {
    /// The sums over `from…to` (inclusive), for one institution or all. Served from a covering index.
    static func aggregates(_ db: Connection, from: CalendarDate, to: CalendarDate, institutionID: Int64?) throws -> [LedgerAggregate] {
        var sql = """
            SELECT institution_id, substr(occurred_on, 1, 7) AS month, category, stage, disposal,
                   SUM(weight_g) AS grams, COUNT(*) AS entries
            FROM ledger_entries WHERE occurred_on >= ? AND occurred_on <= ?
            """
        var arguments: [any SQLValueConvertible] = [from.description, to.description]
        if let institutionID {
            sql += " AND institution_id = ?"
            arguments.append(institutionID)
        }
        sql += " GROUP BY institution_id, month, category, stage, disposal"
        return try db.query(sql, arguments).map { row in
            guard let month = YearMonth(parsing: try row.string("month")) else {
                throw CorruptLedgerRow(table: "ledger_entries", column: "occurred_on")
            }
            return try aggregate(row, institutionID: try row.int64("institution_id"), month: month)
        }
    }

    /// One summed row (`category`, `stage`, `disposal`, `grams`, `entries`).
    static func aggregate(_ row: Row, institutionID: Int64, month: YearMonth) throws -> LedgerAggregate {
        guard let category = WasteCategory(rawValue: try row.string("category")),
              let stage = LedgerStage(rawValue: try row.string("stage")) else {
            throw CorruptLedgerRow(table: "ledger_entries", column: "category")
        }
        return LedgerAggregate(institutionID: institutionID, month: month, category: category, stage: stage,
                               disposal: try row.optionalString("disposal").flatMap(Disposal.init(rawValue:)),
                               grams: try row.int64("grams"), entries: try row.int("entries"))
    }
}
