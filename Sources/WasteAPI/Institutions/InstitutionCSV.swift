import JSON
import WasteDomain

/// The CSV form of institutions, shared by the export (`GET /v1/institutions` as `text/csv`)
/// and the import (`POST /v1/institutions/import`, `wastesort import institutions`).
///
/// One column per field of ``InstitutionFields/description``, in its order and under its JSON
/// name. Absent values are empty cells; enums are codes; booleans are `true`/`false`. No `id` or timestamps: `code` is the key, so an
/// export imports into any database and exporting again gives the same bytes.
enum InstitutionCSV {
    static let mediaType = "text/csv; charset=utf-8"

    /// The whole file: BOM, header row, one row per institution.
    static func export(_ fields: [InstitutionFields]) -> [UInt8] {
        var writer = CSVWriter()
        writer.row(InstitutionFields.description.header())
        for item in fields { writer.row(cells(item).map(protectQuote)) }
        return writer.bytes
    }

    static func cells(_ fields: InstitutionFields) -> [String] { InstitutionFields.description.cells(fields) }

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

    /// One data row as the JSON object the institution description validates, so the API and
    /// the file obey the same rules and report errors with the same codes.
    static func object(header: [String], cells: [String]) -> JSONObject {
        InstitutionFields.description.inputObject(header: header, cells: cells.map(stripFormulaPrefix))
    }
}
