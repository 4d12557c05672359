import JSON
import WasteDomain

/// The CSV form of institutions, shared by the export (`GET /v1/institutions` as `text/csv`)
/// and the import (`POST /v1/institutions/import`, `wastesort import institutions`).
///
/// Columns, in this order, with these header names: ``InstitutionFields/names`` (`code`,
/// `name`, `kind`, `parent_department`, `address`, `headcount`, `floors`, `has_canteen`,
/// `building_area_m2`, `contact_name`, `contact_phone`, `working_body_established_on`,
/// `plan_submitted_on`, `status`). Absent values are empty cells; `kind` and `status` are
/// codes; `has_canteen` is `true`/`false`. No `id` or timestamps: `code` is the key, so an
/// export imports into any database and exporting again gives the same bytes.
enum InstitutionCSV {
    static let mediaType = "text/csv; charset=utf-8"

    /// The whole file: BOM, header row, one row per institution.
    static func export(_ fields: [InstitutionFields]) -> [UInt8] {
        var writer = CSVWriter()
        writer.row(InstitutionFields.names)
        for item in fields { writer.row(cells(item).map(protectQuote)) }
        return writer.bytes
    }

    static func cells(_ f: InstitutionFields) -> [String] {
        [f.code, f.name, f.kind.rawValue, f.parentDepartment ?? "", f.address ?? "", String(f.headcount), String(f.floors),
         f.hasCanteen ? "true" : "false", f.buildingAreaCentiM2.map { JSONNumber(scaled: $0, decimals: 2).text } ?? "",
         f.contactName ?? "", f.contactPhone ?? "", f.workingBodyEstablishedOn ?? "", f.planSubmittedOn ?? "", f.status.rawValue]
    }

    // MARK: Formula prefix

    /// CSVWriter writes `=SUM(…)` as `'=SUM(…)` and the importer strips one `'` before
    /// `= + - @`. A value that itself starts with quotes before such a character gets one
    /// more `'` here, so stripping one on import restores it exactly.
    static func protectQuote(_ value: String) -> String {
        hasFormulaPrefix(value) ? "'" + value : value
    }

    /// Removes the `'` the export put before a formula-like cell.
    static func stripFormulaPrefix(_ cell: String) -> String {
        hasFormulaPrefix(cell) ? String(cell.dropFirst()) : cell
    }

    /// One or more `'` followed by `=`, `+`, `-` or `@`.
    private static func hasFormulaPrefix(_ text: String) -> Bool {
        let scalars = text.unicodeScalars
        guard scalars.first == "'" else { return false }
        guard let next = scalars.first(where: { $0 != "'" }) else { return false }
        return "=+-@".unicodeScalars.contains(next)
    }

    // MARK: Import

    /// Columns whose empty cell means "keep the current value" (or the default for a new row),
    /// because the schema has no `null` for them.
    private static let keepWhenEmpty: Set<String> = ["headcount", "floors", "has_canteen", "status"]
    private static let numeric: Set<String> = ["headcount", "floors", "building_area_m2"]
    private static let textRequired: Set<String> = ["code", "name", "kind"]

    /// One data row as the JSON object ``InstitutionInput`` validates, so the API and the
    /// file obey the same rules and report errors with the same codes.
    static func object(header: [String], cells: [String]) -> JSONObject {
        var object = JSONObject()
        for (column, raw) in zip(header, cells) {
            let cell = stripFormulaPrefix(raw)
            if let value = value(column: column, cell: cell) { object.set(column, value) }
        }
        return object
    }

    private static func value(column: String, cell: String) -> JSONValue? {
        let trimmed = cell.trimmingSpaces
        if trimmed.isEmpty {
            if keepWhenEmpty.contains(column) { return nil }
            return textRequired.contains(column) ? .string(cell) : .null
        }
        if numeric.contains(column) {
            return JSONNumber(trimmed).map(JSONValue.number) ?? .string(cell)
        }
        if column == "has_canteen" {
            return boolean(trimmed).map(JSONValue.bool) ?? .string(cell)
        }
        return .string(cell)
    }

    /// Spreadsheet spellings of yes and no.
    private static func boolean(_ text: String) -> Bool? {
        switch text.lowercased() {
        case "true", "1", "yes", "y", "是", "有": true
        case "false", "0", "no", "n", "否", "无": false
        default: nil
        }
    }
}

extension String {
    /// Without leading and trailing ASCII spaces and tabs (what spreadsheets pad cells with).
    fileprivate var trimmingSpaces: String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { $0 != " " && $0 != "\t" }),
              let last = scalars.lastIndex(where: { $0 != " " && $0 != "\t" }) else { return "" }
        return String(scalars[first...last])
    }
}
