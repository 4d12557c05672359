import JSON
import Routing
import Storage
import WasteDomain

/// Dedicated funding lines (专项经费) per institution and year. Amounts are yuan with at most
/// 2 decimals, stored as integer fen so that sums are exact; lists also give the totals of
/// every line the filters select.
struct FundingRecord: ScopedResource {
    let year: Int
    let budgetFen: Int64
    let spentFen: Int64
    let purpose: String?

    static let kind = ScopedKind(table: "funding", entity: "funding", schema: "Funding", noun: "funding line",
                                 plural: "funding lines", tag: "funding")
    static let bodyKeys = ["year", "budget_yuan", "spent_yuan", "purpose"]
    static let columns = ["year", "budget_fen", "spent_fen", "purpose"]
    static let listQuery = ["year"]
    /// Ten billion yuan: more is a typo, not a budget.
    static let maxFen: Int64 = 1_000_000_000_000

    init(year: Int, budgetFen: Int64, spentFen: Int64, purpose: String?) {
        self.year = year
        self.budgetFen = budgetFen
        self.spentFen = spentFen
        self.purpose = purpose
    }

    init(row: Row) throws {
        self.init(year: try row.int("year"), budgetFen: try row.int64("budget_fen"), spentFen: try row.int64("spent_fen"),
                  purpose: try row.optionalString("purpose"))
    }

    /// `spent_yuan` defaults to 0. Spending beyond the budget is allowed: it is a fact to report.
    static func read(_ reader: inout JSONFieldReader) -> FundingRecord? {
        let year = reader.int("year", required: true, min: 2000, max: 2100)
        let budget = reader.scaled("budget_yuan", decimals: 2, required: true, min: 0, max: maxFen)
        let spent = reader.scaled("spent_yuan", decimals: 2, min: 0, max: maxFen)
        let purpose = reader.string("purpose", maxLength: 500)
        guard reader.isValid, let year, let budget else { return nil }
        return FundingRecord(year: year, budgetFen: budget, spentFen: spent ?? 0, purpose: purpose)
    }

    var input: [(String, JSONValue)] {
        [("year", ScopedValues.int(year)), ("budget_yuan", ScopedValues.yuan(fen: budgetFen)),
         ("spent_yuan", ScopedValues.yuan(fen: spentFen)), ("purpose", ScopedValues.string(purpose))]
    }

    var sqlValues: [any SQLValueConvertible] { [year, budgetFen, spentFen, purpose] }

    static func filters(_ query: QueryParameters, _ environment: ScopedEnvironment) throws(HTTPError) -> [ScopedCondition] {
        guard let year = try query.int("year", range: 2000...2100) else { return [] }
        return [ScopedCondition(sql: "year = ?", arguments: [year])]
    }

    /// `totals: {budget_yuan, spent_yuan}` summed in fen: 0.1 + 0.2 is exactly 0.3.
    static func summary(_ db: Connection, where condition: ScopedCondition) throws -> [(String, JSONValue)] {
        let row = try db.queryOne("""
            SELECT COALESCE(SUM(budget_fen), 0) AS budget, COALESCE(SUM(spent_fen), 0) AS spent
            FROM funding WHERE \(condition.sql)
            """, condition.arguments)
        return [("totals", .object(JSONObject([
            ("budget_yuan", ScopedValues.yuan(fen: try row?.int64("budget") ?? 0)),
            ("spent_yuan", ScopedValues.yuan(fen: try row?.int64("spent") ?? 0)),
        ])))]
    }
}

/// `…/funding`: see ``FundingRecord``.
enum FundingRoutes {
    static func register(in routes: inout APIRoutes) {
        ScopedResourceRoutes<FundingRecord>.register(in: &routes)
    }
}
