import Foundation
import HTTPCore
import Routing

/// JSON or CSV for a list, from `?format=json|csv` or else the `Accept` header (docs/API.md, Conventions).
enum LedgerListFormat: Sendable, Equatable {
    case json
    case csv

    static func negotiate(_ query: QueryParameters, _ headers: HTTPHeaders) throws(HTTPError) -> LedgerListFormat {
        if let format = try query.oneOf("format", ["json", "csv"]) { return format == "csv" ? .csv : .json }
        guard let accept = headers["accept"], !accept.isEmpty else { return .json }
        var best: (format: LedgerListFormat, quality: Double)?
        for range in accept.split(separator: ",") {
            let parts = range.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
            let quality = parts.dropFirst().first { $0.hasPrefix("q=") }.flatMap { Double($0.dropFirst(2)) } ?? 1
            guard quality > 0, let format = format(parts.first ?? "") else { continue }
            if let current = best, current.quality >= quality { continue }
            best = (format, quality)
        }
        guard let best else { throw HTTPError.notAcceptable(["application/json", "text/csv"]) }
        return best.format
    }

    private static func format(_ mediaRange: String) -> LedgerListFormat? {
        switch mediaRange {
        case "text/csv": .csv
        case "application/json", "application/*", "*/*": .json
        default: nil
        }
    }
}
