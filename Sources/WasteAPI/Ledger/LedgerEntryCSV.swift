import Foundation
import JSON
import Routing
import Spreadsheet
import WasteDomain

/// The CSV form of ledger entries: the export's columns, which the import reads back.
///
/// The import ignores the columns the server assigns (`id`, `institution_id`, `created_at`,
/// `updated_at`, `version`), so an exported file can be edited and imported elsewhere; it also
/// takes Chinese headers (日期, 类别, 重量, …) and Chinese category names.
enum LedgerEntryCSV {
    static let header = ["id", "institution_id", "occurred_on", "category", "subcategory", "weight_kg", "weighed", "stage",
                         "hauler", "destination", "disposal", "manifest_no", "note", "created_at", "updated_at", "version"]

    static let ignoredColumns: Set<String> = ["id", "institution_id", "created_at", "updated_at", "version"]

    /// Chinese headers clerks' spreadsheets use, mapped to the columns.
    static let chineseHeaders: [String: String] = [
        "日期": "occurred_on", "类别": "category", "垃圾类别": "category", "子类": "subcategory", "细类": "subcategory",
        "重量": "weight_kg", "重量(kg)": "weight_kg", "重量（kg）": "weight_kg", "重量（公斤）": "weight_kg",
        "是否称重": "weighed", "环节": "stage", "收运单位": "hauler", "去向": "destination", "处置方式": "disposal",
        "联单号": "manifest_no", "备注": "note",
    ]

    static func export(_ records: [LedgerEntryRecord]) -> [UInt8] {
        CSVEncoder.encode(LedgerEntryColumns.sheet(records, headers: .english))
    }

    /// The column of each header cell (nil: ignored), or a 400 listing the header's problems (line 1).
    static func columns(_ headerCells: [String]) throws(HTTPError) -> [String?] {
        var columns: [String?] = []
        var errors: [FieldError] = []
        for cell in headerCells {
            let name = cell.trimmingCharacters(in: .whitespaces)
            let column = chineseHeaders[name] ?? exportedChineseHeaders[name] ?? name.lowercased()
            if ignoredColumns.contains(column) {
                columns.append(nil)
            } else if LedgerEntryFields.keys.contains(column), !columns.contains(column) {
                columns.append(column)
            } else {
                errors.append(FieldError(field: "line 1", code: "invalid_header",
                                         message: "column \"\(name)\" is unknown or repeated; the columns are \(header.joined(separator: ", "))"))
            }
        }
        for required in ["occurred_on", "category", "weight_kg", "stage"] where !columns.contains(required) {
            errors.append(FieldError(field: "line 1", code: "missing_column", message: "the \(required) column is missing"))
        }
        guard errors.isEmpty else { throw HTTPError.validation(errors) }
        return columns
    }

    /// One data row as the JSON object the entry reader validates: empty cells are absent,
    /// weights become numbers (exact decimal text), `weighed` a boolean.
    static func object(_ cells: [String], columns: [String?]) -> JSONObject {
        var object = JSONObject()
        for (index, column) in columns.enumerated() {
            guard let column, index < cells.count else { continue }
            let text = unprefixed(cells[index].trimmingCharacters(in: .whitespaces))
            guard !text.isEmpty else { continue }
            switch column {
            case "weight_kg": object.set(column, JSONNumber(text).map(JSONValue.number) ?? .string(text))
            case "weighed": object.set(column, boolean(text).map(JSONValue.bool) ?? .string(text))
            // Chinese labels and date forms of Chinese sheets (docs/DECISIONS.md, "Spreadsheets")
            case "occurred_on": object.set(column, .string(SheetDate(text: text)?.description ?? text))
            case "subcategory": object.set(column, .string(ChineseLabels.subcategory.code(text)))
            case "stage": object.set(column, .string(ChineseLabels.stage.code(text)))
            case "disposal": object.set(column, .string(ChineseLabels.disposal.code(text)))
            default: object.set(column, .string(text))
            }
        }
        return object
    }

    private static func boolean(_ text: String) -> Bool? {
        switch text.lowercased() {
        case "true", "1", "yes", "y", "是", "称重": true
        case "false", "0", "no", "n", "否", "估算": false
        default: nil
        }
    }

    /// Undoes the export's formula-injection guard (`'=…` → `=…`, ``FormulaGuard``).
    private static func unprefixed(_ text: String) -> String {
        FormulaGuard.restore(text)
    }

    /// The Chinese headers `?headers=zh` exports write (``LedgerEntryColumns``), read back.
    private static let exportedChineseHeaders = Dictionary(
        LedgerEntryColumns.chinese.map { ($0.value, $0.key) }, uniquingKeysWith: { first, _ in first })
}
