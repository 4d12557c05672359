import Foundation
import HTTPCore
import Routing

/// JSON or CSV for a list endpoint: `?format=json|csv` wins; otherwise the `Accept` header
/// by quality (RFC 9110 §12.5.1), JSON on a tie or without the header; 406 when it
/// excludes both.
enum ListFormat: String {
    case json
    case csv

    static func negotiate(_ query: QueryParameters, headers: HTTPHeaders) throws(HTTPError) -> ListFormat {
        if let format = try query.oneOf("format", ["json", "csv"]) {
            return ListFormat(rawValue: format) ?? .json
        }
        guard let accept = headers.values("accept").joined(separator: ",").nilIfBlank else { return .json }
        let ranges = accept.split(separator: ",").compactMap(MediaRange.init)
        let json = quality(of: "application", "json", in: ranges)
        let csv = quality(of: "text", "csv", in: ranges)
        guard json > 0 || csv > 0 else { throw HTTPError.notAcceptable(["application/json", "text/csv"]) }
        return csv > json ? .csv : .json
    }

    /// The quality of the most specific range matching `type/subtype` (0 when none does).
    private static func quality(of type: String, _ subtype: String, in ranges: [MediaRange]) -> Double {
        let exact = ranges.filter { $0.type == type && $0.subtype == subtype }
        let typeWide = ranges.filter { $0.type == type && $0.subtype == "*" }
        let any = ranges.filter { $0.type == "*" && $0.subtype == "*" }
        let match = exact.isEmpty ? (typeWide.isEmpty ? any : typeWide) : exact
        return match.map(\.quality).max() ?? 0
    }

    private struct MediaRange {
        let type: String
        let subtype: String
        let quality: Double

        init?(_ text: Substring) {
            let parts = text.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
            guard let range = parts.first else { return nil }
            let pieces = range.split(separator: "/", maxSplits: 1).map(String.init)
            guard pieces.count == 2 else { return nil }
            type = pieces[0]
            subtype = pieces[1]
            let q = parts.dropFirst().first { $0.hasPrefix("q=") }.flatMap { Double($0.dropFirst(2)) } ?? 1
            quality = min(max(q, 0), 1)
        }
    }
}

extension String {
    fileprivate var nilIfBlank: String? {
        trimmingCharacters(in: .whitespaces).isEmpty ? nil : self
    }
}
