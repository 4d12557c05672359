import JSON
import Routing
import Storage
import WasteDomain

/// Dedicated funding lines (专项经费) per institution and year. Amounts are yuan with at most
/// 2 decimals, stored as integer fen so that sums are exact; lists also give the totals of every
/// line the filters select. Spending beyond the budget is allowed: it is a fact to report.
struct FundingFields: Sendable, Equatable {
    var year = 0
    var budgetFen: Int64 = 0
    var spentFen: Int64 = 0
    var purpose: String?

    /// Ten billion yuan: more is a typo, not a budget.
    static let maxFen: Int64 = 1_000_000_000_000

    static let description = ScopedDescription<FundingFields>(
        fields: ResourceDescription(table: "funding", entity: "funding", schema: "Funding", blank: FundingFields(), fields: [
            .init("year", \.year, .integer(min: 2000, max: 2100), zh: "年度", required: true),
            .init("budget_yuan", \.budgetFen, .scaled(decimals: 2, min: 0, max: maxFen), zh: "预算（元）", column: "budget_fen",
                  required: true, doc: "Yuan, at most 2 decimals; stored as integer fen."),
            .init("spent_yuan", \.spentFen, .scaled(decimals: 2, min: 0, max: maxFen), zh: "支出（元）", column: "spent_fen",
                  nullIsDefault: true, doc: "Yuan, at most 2 decimals; stored as integer fen."),
            .init("purpose", \.purpose, .text(maxLength: 500), zh: "用途"),
        ]),
        segment: "funding", noun: "funding line", plural: "funding lines", tag: "funding", listQuery: ["year"],
        filters: { query, _ throws(HTTPError) in
            guard let year = try query.int("year", range: 2000...2100) else { return [] }
            return [ScopedCondition(sql: "year = ?", arguments: [year])]
        },
        summary: .init(members: [("totals", [
            "type": "object", "required": ["budget_yuan", "spent_yuan"],
            "description": "Sums over every line the filters select, not only this page.",
            "properties": ["budget_yuan": ["type": "number"], "spent_yuan": ["type": "number"]],
        ])], compute: totals))

    /// `totals: {budget_yuan, spent_yuan}` summed in fen: 0.1 + 0.2 is exactly 0.3.
    @Sendable private static func totals(_ db: Connection, _ condition: ScopedCondition) throws -> [(String, JSONValue)] {
        let row = try db.queryOne("""
            SELECT COALESCE(SUM(budget_fen), 0) AS budget, COALESCE(SUM(spent_fen), 0) AS spent
            FROM funding WHERE \(condition.sql)
            """, condition.arguments)
        return [("totals", .object(JSONObject([
            ("budget_yuan", .number(JSONNumber(scaled: try row?.int64("budget") ?? 0, decimals: 2))),
            ("spent_yuan", .number(JSONNumber(scaled: try row?.int64("spent") ?? 0, decimals: 2))),
        ])))]
    }
}
