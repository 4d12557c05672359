import JSON
import Routing
import Storage
import WasteDomain

/// Queries over findings: the API's list, and what notices and statistics read.
public enum FindingStore {
    /// Published findings (open, rectified, verified; never pending or withdrawn) of inspections
    /// dated `from` through `to`, optionally of one institution, with `overdue` as of `today`.
    /// Notices group them by `itemCode` ("common problems") and list the open ones with deadlines.
    public static func publishedFindings(_ db: Connection, from: CalendarDate, to: CalendarDate, institutionID: Int64? = nil,
                                         today: CalendarDate) throws -> [FindingSummary] {
        let rows = try db.query("""
            SELECT f.*, i.inspected_on FROM findings f JOIN inspections i ON i.id = f.inspection_id
            WHERE f.status IN ('open', 'rectified', 'verified') AND i.inspected_on >= ? AND i.inspected_on <= ?
              AND (? IS NULL OR f.institution_id = ?)
            ORDER BY i.inspected_on, f.id
            """, [from.description, to.description, institutionID, institutionID])
        return try rows.map { row in
            let inspectedOn = try StoredValues.date(row, "inspected_on")
            let rectifyBy = try StoredValues.date(row, "rectify_by")
            let status: FindingStatus = try StoredValues.enumeration(row, "status")
            let severity: FindingSeverity = try StoredValues.enumeration(row, "severity")
            let rectifiedOn = try row.optionalString("rectified_on") == nil ? nil : try StoredValues.date(row, "rectified_on")
            return FindingSummary(id: try row.int64("id"), inspectionID: try row.int64("inspection_id"),
                                  institutionID: try row.int64("institution_id"), inspectedOn: inspectedOn,
                                  itemCode: try row.string("item_code"), description: try row.string("description"),
                                  severity: severity, rectifyBy: rectifyBy, status: status,
                                  deadline: FindingDeadline(status: status, rectifyBy: rectifyBy, rectifiedOn: rectifiedOn, today: today))
        }
    }

    /// The SQL form of ``FindingDeadline``'s `overdue`, with `?` bound to today's date.
    static let overdueCondition = """
        ((f.status = 'open' AND f.rectify_by < ?) OR \
        (f.status IN ('rectified', 'verified') AND COALESCE(f.rectified_on > f.rectify_by, 0)))
        """
}

/// The filters of `GET /v1/findings`.
struct FindingFilter {
    var statuses: [FindingStatus] = FindingStatus.shownByDefault
    var overdue: Bool?
    var institutionID: Int64?
    var inspectionID: Int64?

    static let query = ["status", "overdue", "institution_id", "inspection_id", "limit", "cursor"]

    init(_ query: QueryParameters) throws(HTTPError) {
        if let status = try query.oneOf("status", FindingStatus.listable.map(\.rawValue)).flatMap(FindingStatus.init) {
            statuses = [status]
        }
        overdue = try query.oneOf("overdue", ["true", "false"]).map { $0 == "true" }
        institutionID = try Self.id(query, "institution_id")
        inspectionID = try Self.id(query, "inspection_id")
    }

    private static func id(_ query: QueryParameters, _ name: String) throws(HTTPError) -> Int64? {
        guard let text = query[name], !text.isEmpty else { return nil }
        guard let id = Int64(text), id > 0 else { throw HTTPError.invalidQuery(name, "must be a positive integer") }
        return id
    }

    func sql(page: Page, today: CalendarDate) -> (String, [any SQLValueConvertible]) {
        var clauses = ["f.id > ?", "f.status IN (\(statuses.map { "'\($0.rawValue)'" }.joined(separator: ", ")))"]
        var arguments: [any SQLValueConvertible] = [page.afterID]
        if let institutionID { clauses.append("f.institution_id = ?"); arguments.append(institutionID) }
        if let inspectionID { clauses.append("f.inspection_id = ?"); arguments.append(inspectionID) }
        if let overdue {
            clauses.append(overdue ? FindingStore.overdueCondition : "NOT \(FindingStore.overdueCondition)")
            arguments.append(today.description)
        }
        arguments.append(page.limit + 1)
        return ("\(FindingRecord.select) WHERE \(clauses.joined(separator: " AND ")) ORDER BY f.id LIMIT ?", arguments)
    }
}
