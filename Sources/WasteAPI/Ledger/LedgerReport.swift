import Hashing
import JSON
import Storage
import WasteDomain

/// One institution's monthly ledger report: its stored workflow state (or `open` with no
/// row) together with the month's totals, which are always computed from the entries.
struct LedgerReport: Sendable {
    let institutionID: Int64
    let month: YearMonth
    let rowID: Int64?
    let status: ReportStatus
    let submittedAt: Timestamp?
    let acceptedAt: Timestamp?
    let returnedAt: Timestamp?
    let returnReason: String?
    /// Declared empty (`no_waste`) with its reason (docs/DECISIONS.md, "Empty months").
    let noWaste: Bool
    let noWasteReason: String?
    /// 0 while no row exists; +1 on each transition.
    let version: Int64
    let totals: LedgerTotals
    let gramsByStage: [LedgerStage: [WasteCategory: Int64]]
    let entryCount: Int
    let deadline: ReportDeadline
    /// Whether the institution owes this month's report (``ReportingObligation``): one it does not owe
    /// is never late.
    let owed: Bool
    let categoriesInForce: [WasteCategory]

    static func load(_ db: Connection, institutionID: Int64, month: YearMonth, settings: DistrictSettings) throws -> LedgerReport {
        let row = try db.queryOne("""
            SELECT id, status, submitted_at, accepted_at, returned_at, return_reason, no_waste, no_waste_reason, version
            FROM ledger_reports WHERE institution_id = ? AND month = ?
            """, [institutionID, month.description])
        let aggregates = try db.query("""
            SELECT category, stage, disposal, SUM(weight_g) AS grams, COUNT(*) AS entries FROM ledger_entries
            WHERE institution_id = ? AND month = ? GROUP BY category, stage, disposal
            """, [institutionID, month.description]).map { try LedgerStatsQuery.aggregate($0, institutionID: institutionID, month: month) }
        var byStage: [LedgerStage: [WasteCategory: Int64]] = [:]
        for aggregate in aggregates { byStage[aggregate.stage, default: [:]][aggregate.category, default: 0] += aggregate.grams }
        func instant(_ column: String) throws -> Timestamp? { try row?.optionalString(column).flatMap { Timestamp(parsing: $0) } }
        return LedgerReport(
            institutionID: institutionID, month: month, rowID: try row?.int64("id"),
            status: try row.map { try StoredValues.enumeration($0, "status") } ?? .open,
            submittedAt: try instant("submitted_at"), acceptedAt: try instant("accepted_at"), returnedAt: try instant("returned_at"),
            returnReason: try row?.optionalString("return_reason"),
            noWaste: try row?.bool("no_waste") ?? false, noWasteReason: try row?.optionalString("no_waste_reason"),
            version: try row?.int64("version") ?? 0,
            totals: LedgerTotals(StageRule.counted(aggregates)), gramsByStage: byStage,
            entryCount: aggregates.reduce(0) { $0 + $1.entries },
            deadline: ReportDeadline(month: month, dueOn: settings.reportDueDate(for: month),
                                     utcOffsetMinutes: settings.utcOffsetMinutes),
            owed: try ObligationStore.of(db, institutionID: institutionID, utcOffsetMinutes: settings.utcOffsetMinutes).owes(month),
            categoriesInForce: settings.categoriesInForce)
    }

    func isLate(now: Timestamp) -> Bool { owed && deadline.isLate(status: status, submittedAt: submittedAt, now: now) }

    /// The categories shown: those in force, and any other the month has weight for.
    private var categories: [WasteCategory] {
        WasteCategory.allCases.filter { categoriesInForce.contains($0) || totals.gramsByCategory[$0] != nil }
    }

    func json(now: Timestamp) -> JSONValue {
        func kilograms(_ byCategory: [WasteCategory: Int64]) -> JSONValue {
            .object(JSONObject(categories.map { ($0.rawValue, .number(Weight.kilograms(byCategory[$0] ?? 0))) }))
        }
        func instant(_ value: Timestamp?) -> JSONValue { value.map { .string($0.description) } ?? .null }
        return .object(JSONObject([
            ("institution_id", .number(JSONNumber(institutionID))),
            ("month", .string(month.description)),
            ("status", .string(status.rawValue)),
            ("totals", kilograms(totals.gramsByCategory)),
            ("total_kg", .number(Weight.kilograms(totals.grams))),
            ("totals_by_stage", .object(JSONObject(LedgerStage.allCases.map { ($0.rawValue, kilograms(gramsByStage[$0] ?? [:])) }))),
            ("entry_count", .number(JSONNumber(entryCount))),
            ("due_on", .string(deadline.dueOn.description)),
            ("submitted_at", instant(submittedAt)),
            ("accepted_at", instant(acceptedAt)),
            ("returned_at", instant(returnedAt)),
            ("return_reason", returnReason.map(JSONValue.string) ?? .null),
            ("no_waste", .bool(noWaste)),
            ("no_waste_reason", noWasteReason.map(JSONValue.string) ?? .null),
            ("late", .bool(isLate(now: now))),
            ("owed", .bool(owed)),
            ("version", .number(JSONNumber(version))),
        ]))
    }

    /// The workflow version plus a digest of what the report shows, so the tag also changes
    /// when an entry changes the totals or the due date passes (`late`), never otherwise.
    static func etag(version: Int64, body: [UInt8]) -> String {
        var hasher = SHA256Hasher()
        hasher.update(body)
        return "\"v\(version)-\(hasher.finalizeHex().prefix(16))\""
    }
}
