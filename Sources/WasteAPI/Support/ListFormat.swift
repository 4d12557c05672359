import HTTPCore
import Routing
import Spreadsheet

/// The one content negotiation of every list that offers spreadsheets (docs/DECISIONS.md,
/// "One negotiator for every list"): JSON, CSV or xlsx.
///
/// `?format=json|csv|xlsx` wins. Otherwise the `Accept` header decides (RFC 9110 §12.5.1):
/// each offered type takes the quality of the most specific range that matches it
/// (`text/csv` over `text/*` over `*/*`), the highest quality wins, JSON first on a tie, and
/// no header means JSON. When every offered type has quality 0 the answer is 406, never a
/// JSON body under a media type the client did not ask for. So `Accept: text/*` is CSV on
/// every list, and `application/*` is JSON.
enum ListFormat: String, Sendable, CaseIterable {
    case json
    case csv
    case xlsx

    var mediaType: String {
        switch self {
        case .json: "application/json"
        case .csv: "text/csv"
        case .xlsx: XLSXFile.mediaType
        }
    }

    /// The `Content-Type` of a response in this format.
    var contentType: String {
        switch self {
        case .json: "application/json; charset=utf-8"
        case .csv: "text/csv; charset=utf-8"
        case .xlsx: XLSXFile.mediaType
        }
    }

    /// Query parameters a spreadsheet list accepts besides its own.
    static let queryParameters = ["format", "headers"]

    static func negotiate(_ query: QueryParameters, _ headers: HTTPHeaders,
                          offered: [ListFormat] = ListFormat.allCases) throws(HTTPError) -> ListFormat {
        if let format = try query.oneOf("format", offered.map(\.rawValue)) {
            return ListFormat(rawValue: format) ?? .json
        }
        let accept = headers.values("accept").joined(separator: ",")
        guard accept.contains(where: { $0 != " " && $0 != "\t" && $0 != "," }) else { return offered.first ?? .json }
        let ranges = accept.split(separator: ",").compactMap(MediaRange.init)
        var best: (format: ListFormat, quality: Double)?
        for format in offered {
            let quality = MediaRange.quality(of: format.mediaType, in: ranges)
            if quality > 0, quality > (best?.quality ?? 0) { best = (format, quality) }
        }
        guard let best else { throw HTTPError.notAcceptable(offered.map(\.mediaType)) }
        return best.format
    }

    /// `?headers=zh` for Chinese column names and labels; English codes otherwise.
    static func headerLanguage(_ query: QueryParameters) throws(HTTPError) -> HeaderLanguage {
        try query.oneOf("headers", ["en", "zh"]) == "zh" ? .chinese : .english
    }

    /// The file for a spreadsheet format, named `filename` plus the extension (ASCII, so every
    /// browser keeps it).
    func response(_ sheet: Sheet, headers language: HeaderLanguage, filename: String) throws -> HTTPResponse {
        let body: [UInt8]
        switch self {
        case .json, .csv: body = CSVEncoder.encode(sheet, headers: language)
        case .xlsx: body = try XLSXFile.write(sheet, headers: language)
        }
        let name = filename + (self == .xlsx ? ".xlsx" : ".csv")
        return HTTPResponse(status: 200, headers: [
            "content-type": contentType,
            "content-disposition": "attachment; filename=\"\(name)\"",
        ], body: body)
    }
}

/// One range of an `Accept` header: `type/subtype;q=0.5`.
private struct MediaRange {
    let type: String
    let subtype: String
    let quality: Double

    init?(_ text: Substring) {
        let parts = text.split(separator: ";").map { $0.trimmingASCIISpaces.lowercased() }
        guard let range = parts.first else { return nil }
        let pieces = range.split(separator: "/", maxSplits: 1).map(String.init)
        guard pieces.count == 2, !pieces[0].isEmpty, !pieces[1].isEmpty else { return nil }
        type = pieces[0]
        subtype = pieces[1]
        let q = parts.dropFirst().first { $0.hasPrefix("q=") }.flatMap { Double($0.dropFirst(2)) } ?? 1
        quality = q.isFinite ? min(max(q, 0), 1) : 0
    }

    /// The quality the most specific matching range gives `mediaType` (0 when none matches).
    static func quality(of mediaType: String, in ranges: [MediaRange]) -> Double {
        let pieces = mediaType.split(separator: "/", maxSplits: 1).map(String.init)
        guard pieces.count == 2 else { return 0 }
        let exact = ranges.filter { $0.type == pieces[0] && $0.subtype == pieces[1] }
        let typeWide = ranges.filter { $0.type == pieces[0] && $0.subtype == "*" }
        let any = ranges.filter { $0.type == "*" && $0.subtype == "*" }
        let match = !exact.isEmpty ? exact : (!typeWide.isEmpty ? typeWide : any)
        return match.map(\.quality).max() ?? 0
    }
}

extension StringProtocol {
    fileprivate var trimmingASCIISpaces: String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { $0 != " " && $0 != "\t" }),
              let last = scalars.lastIndex(where: { $0 != " " && $0 != "\t" }) else { return "" }
        return String(String.UnicodeScalarView(scalars[first...last]))
    }
}
