import JSON
import Spreadsheet
import WasteDomain

/// The CSV form of institutions, shared by the export (`GET /v1/institutions` as `text/csv`)
/// and the import (`POST /v1/institutions/import`, `wastesort import institutions`).
///
/// One column per field of ``InstitutionFields/description``, in its order and under its JSON
/// name. Absent values are empty cells; enums are codes; booleans are `true`/`false`. No `id` or timestamps: `code` is the key, so an
/// export imports into any database and exporting again gives the same bytes.
enum InstitutionCSV {
    static let mediaType = "text/csv; charset=utf-8"

    /// The whole file: BOM, header row, one row per institution (``InstitutionColumns``).
    static func export(_ fields: [InstitutionFields]) -> [UInt8] {
        CSVEncoder.encode(InstitutionColumns.sheet(fields, headers: .english))
    }

    /// Removes the `'` the export put before a formula-like cell (``FormulaGuard``).
    static func stripFormulaPrefix(_ cell: String) -> String {
        FormulaGuard.restore(cell)
    }

    // MARK: Import

    /// One data row as the JSON object the institution description validates, so the API and
    /// the file obey the same rules and report errors with the same codes.
    static func object(header: [String], cells: [String]) -> JSONObject {
        let cells = zip(header, cells).map { column, cell in InstitutionColumns.importCell(column, stripFormulaPrefix(cell)) }
        return InstitutionFields.description.inputObject(header: header, cells: cells)
    }
}
