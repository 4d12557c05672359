import HTTPCore
import JSON
import Routing
import Spreadsheet

/// The rows of an uploaded file, CSV or xlsx, for the importers: one shape (``CSVReader/Row``,
/// a 1-based line or sheet row number and text cells) whatever the format, so every rule and
/// every error message is the same for both. Both kinds are bounded in rows.
enum ImportTable {
    /// The rows an import takes when the server's options say nothing else (docs/DECISIONS.md).
    static let defaultMaxRows = 10_000

    enum Format: Sendable, Equatable {
        case csv
        case xlsx
    }

    /// The format of a request body: by `Content-Type`, or 415 naming the two it takes.
    static func format(_ headers: HTTPHeaders) throws(HTTPError) -> Format {
        let parts = (headers["content-type"] ?? "").split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        switch parts.first {
        case "text/csv":
            for parameter in parts.dropFirst() where parameter.hasPrefix("charset=") {
                let charset = parameter.dropFirst("charset=".count).trimmingCharacters(in: .init(charactersIn: "\""))
                guard charset == "utf-8" || charset == "utf8" else {
                    throw HTTPError.unsupportedMediaType("CSV files must be UTF-8, not \(charset)")
                }
            }
            return .csv
        case XLSXFile.mediaType:
            return .xlsx
        default:
            throw HTTPError.unsupportedMediaType("send the file with Content-Type: text/csv (UTF-8) or \(XLSXFile.mediaType)")
        }
    }

    /// The format of a file without a media type (the command line): xlsx when it is a ZIP package.
    static func format(of bytes: [UInt8]) -> Format {
        XLSXFile.looksLikeZip(bytes) ? .xlsx : .csv
    }

    /// The rows, header first; a refusal is one ``Failure`` naming the line or cell.
    static func rows(_ bytes: [UInt8], format: Format, maxRows: Int) throws(Failure) -> [CSVReader.Row] {
        switch format {
        case .csv:
            let rows: [CSVReader.Row]
            do {
                rows = try CSVReader.parse(bytes)
            } catch {
                throw Failure(error: FieldError(field: "line \(error.line)", code: "invalid_csv", message: error.message))
            }
            guard rows.count - 1 <= maxRows else { throw tooManyRows(rows.count - 1, maxRows) }
            return rows
        case .xlsx:
            var limits = SpreadsheetLimits()
            limits.maxRows = maxRows
            limits.maxColumns = CSVReader.maxFields
            do {
                return try XLSXFile.rows(bytes, limits: limits).map { CSVReader.Row(line: $0.number, fields: $0.cells) }
            } catch {
                let field = error.row.map { "line \($0)" } ?? "file"
                let message = error.reference.map { "cell \($0) \(error.message)" } ?? error.message
                throw Failure(error: FieldError(field: field, code: error.kind == .tooLarge ? "too_large" : "invalid_xlsx",
                                                message: message), isTooLarge: error.kind == .tooLarge)
            }
        }
    }

    private static func tooManyRows(_ count: Int, _ limit: Int) -> Failure {
        Failure(error: FieldError(field: "file", code: "too_large",
                                  message: "the file has \(count) rows after the header; import at most \(limit) at a time"),
                isTooLarge: true)
    }

    /// The file cannot be read, or is over a bound (then a 413).
    struct Failure: Error {
        let error: FieldError
        var isTooLarge = false

        var httpError: HTTPError {
            guard isTooLarge else { return HTTPError.validation([error], detail: "nothing was imported: \(error.message)") }
            var problem = HTTPError.payloadTooLarge("nothing was imported: \(error.message)")
            problem.errors = [error]
            return problem
        }
    }
}
