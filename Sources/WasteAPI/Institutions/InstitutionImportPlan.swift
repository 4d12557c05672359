import Foundation
import JSON
import WasteDomain

/// A CSV or xlsx file checked against itself and the stored institutions: what each row becomes, or
/// every problem found (``InstitutionImport/Failure``). Builds nothing in the database.
struct InstitutionImportPlan {
    struct Row {
        let line: Int
        /// The stored institution with this row's code; nil when the row creates one.
        let existing: InstitutionRecord?
        let fields: InstitutionFields
    }

    private(set) var rows: [Row] = []
    private var errors: [FieldError] = []

    /// More problems than this are cut off; the detail says so.
    static let maxReportedErrors = 1000

    init(file: [UInt8], format: ImportTable.Format, maxRows: Int, existing: [InstitutionRecord]) throws(InstitutionImport.Failure) {
        let parsed: [CSVReader.Row]
        do {
            parsed = try ImportTable.rows(file, format: format, maxRows: maxRows)
        } catch {
            var failure = Self.failure([error.error])
            failure.isTooLarge = error.isTooLarge
            throw failure
        }
        guard let header = parsed.first else {
            throw Self.failure([FieldError(field: "line 1", code: "missing_header",
                                           message: "the file is empty; the first row must name the columns")])
        }
        let columns = header.fields.map { InstitutionColumns.column(forHeader: $0.trimmingCharacters(in: [" ", "\t"])) }
        try Self.checkHeader(columns, line: header.line)
        // Codes ignore letter case (migration 0010), so rows find stored institutions that way.
        let byCode = Dictionary(existing.map { ($0.fields.code.lowercased(), $0) }, uniquingKeysWith: { first, _ in first })
        var seenCodes: [String: Int] = [:]
        for row in parsed.dropFirst() {
            readRow(row, columns: columns, byCode: byCode, seenCodes: &seenCodes)
        }
        checkNames(existing: existing)
        guard errors.isEmpty else { throw Self.failure(errors.sorted(by: Self.byLine)) }
    }

    private mutating func readRow(_ row: CSVReader.Row, columns: [String], byCode: [String: InstitutionRecord],
                                  seenCodes: inout [String: Int]) {
        let path = "line \(row.line)"
        guard row.fields.count == columns.count else {
            errors.append(FieldError(field: path, code: "column_count",
                                     message: "has \(row.fields.count) cells; the header has \(columns.count)"))
            return
        }
        let object = InstitutionCSV.object(header: columns, cells: row.fields)
        let sent = object["code"]?.stringValue ?? ""
        let code = sent.trimmingCharacters(in: .whitespaces).lowercased()
        if let first = seenCodes[code], !code.isEmpty {
            errors.append(FieldError(field: "\(path).code", code: "duplicate", message: "the code \(sent) is also on line \(first)"))
            return
        }
        seenCodes[code] = row.line
        let existing = byCode[code]
        if let existing, existing.fields.code != sent.trimmingCharacters(in: .whitespaces) {
            errors.append(FieldError(field: "\(path).code", code: "duplicate",
                                     message: "\(sent) differs only in letter case from the stored code \(existing.fields.code); use \(existing.fields.code)"))
            return
        }
        switch InstitutionFields.description.read(object, onto: existing?.fields, path: path) {
        case .success(let fields): rows.append(Row(line: row.line, existing: existing, fields: fields))
        case .failure(let failure): errors.append(contentsOf: failure.errors)
        }
    }

    /// Names must be unique in the state after the import: between rows of the file, and
    /// against stored institutions the file leaves alone.
    private mutating func checkNames(existing: [InstitutionRecord]) {
        let importedCodes = Set(rows.map(\.fields.code))
        var owners: [String: String] = [:]  // name → description of its holder
        for record in existing where !importedCodes.contains(record.fields.code) {
            owners[record.fields.name] = "institution \(record.fields.code)"
        }
        for row in rows {
            if let owner = owners[row.fields.name] {
                errors.append(FieldError(field: "line \(row.line).name", code: "duplicate",
                                         message: "the name \(row.fields.name) already belongs to \(owner)"))
            } else {
                owners[row.fields.name] = "line \(row.line)"
            }
        }
    }

    private static func checkHeader(_ columns: [String], line: Int) throws(InstitutionImport.Failure) {
        var problems: [FieldError] = []
        var seen: Set<String> = []
        for column in columns {
            if !InstitutionFields.description.names.contains(column) {
                problems.append(FieldError(field: "line \(line).\(column)", code: "unknown_column",
                                           message: "is not a column; the columns are \(InstitutionFields.description.names.joined(separator: ", "))"))
            } else if !seen.insert(column).inserted {
                problems.append(FieldError(field: "line \(line).\(column)", code: "duplicate_column", message: "appears twice in the header"))
            }
        }
        for required in InstitutionFields.description.requiredNames where !columns.contains(required) {
            problems.append(FieldError(field: "line \(line).\(required)", code: "missing_column", message: "the header must have this column"))
        }
        guard problems.isEmpty else { throw failure(problems) }
    }

    private static func failure(_ errors: [FieldError]) -> InstitutionImport.Failure {
        let lines = Set(errors.map { $0.field.split(separator: ".").first.map(String.init) ?? $0.field }).count
        var detail = "nothing was imported: \(errors.count) problem(s) on \(lines) line(s)"
        var reported = errors
        if errors.count > maxReportedErrors {
            reported = Array(errors.prefix(maxReportedErrors))
            detail += "; the first \(maxReportedErrors) are listed"
        }
        return InstitutionImport.Failure(detail: detail, errors: reported)
    }

    /// Orders `line 9.x` before `line 10.x`; within a line, the reported order is kept.
    private static func byLine(_ a: FieldError, _ b: FieldError) -> Bool {
        lineNumber(a.field) < lineNumber(b.field)
    }

    private static func lineNumber(_ field: String) -> Int {
        let digits = field.dropFirst("line ".count).prefix { $0.isNumber }
        return Int(digits) ?? 0
    }
}
