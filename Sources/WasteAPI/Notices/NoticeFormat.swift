import Foundation
import JSON
import HTTPCore
import Routing
import WasteDomain

/// The formats of a notice, chosen by `?format=` or `Accept` (docs/API.md): JSON (the data), and
/// Markdown, HTML, plain text and Word, each laid out from the same outline (docs/NOTICE-FORMAT.md).
enum NoticeFormat: String, CaseIterable {
    case json, markdown, html, text, docx

    var mediaType: String {
        switch self {
        case .json: "application/json"
        case .markdown: "text/markdown"
        case .html: "text/html"
        case .text: "text/plain"
        case .docx: NoticeDocx.mediaType
        }
    }

    /// `?format=` wins; otherwise the first acceptable media type in `Accept`; JSON by default.
    static func choose(query: QueryParameters, accept: String?) throws(HTTPError) -> NoticeFormat {
        if let format = try query.oneOf("format", allCases.map(\.rawValue)) { return NoticeFormat(rawValue: format)! }
        guard let accept, !accept.isEmpty else { return .json }
        let ranges = accept.split(separator: ",").map { part -> (String, Double) in
            let pieces = part.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
            let q = pieces.dropFirst().first { $0.hasPrefix("q=") }.flatMap { Double($0.dropFirst(2)) } ?? 1
            return (pieces.first ?? "", q)
        }.filter { $0.1 > 0 }.sorted { $0.1 > $1.1 }
        for (range, _) in ranges {
            if range == "*/*" || range == "application/*" || range == "application/json" { return .json }
            if let format = allCases.first(where: { $0.mediaType == range }) { return format }
            if range == "text/*" { return .markdown }
        }
        throw HTTPError.notAcceptable(allCases.map(\.mediaType))
    }

    func response(_ content: NoticeContent, document: @autoclosure () -> JSONValue, headers: HTTPHeaders = HTTPHeaders()) throws -> HTTPResponse {
        var headers = headers
        headers.set("vary", "Accept")
        switch self {
        case .json: return .json(document(), headers: headers)
        case .markdown: return text(NoticeRenderer.markdown(content), type: "text/markdown; charset=utf-8", headers)
        case .html: return text(NoticeRenderer.html(content), type: "text/html; charset=utf-8", headers)
        case .text: return text(NoticeRenderer.plainText(content), type: "text/plain; charset=utf-8", headers)
        case .docx:
            headers.set("content-type", NoticeDocx.mediaType)
            headers.set("content-disposition", "attachment; filename=\"notice-\(content.period).docx\"")
            return HTTPResponse(status: 200, headers: headers, body: try NoticeDocx.archive(content))
        }
    }

    private func text(_ body: String, type: String, _ headers: HTTPHeaders) -> HTTPResponse {
        var headers = headers
        headers.set("content-type", type)
        return HTTPResponse(status: 200, headers: headers, body: Array(body.utf8))
    }
}
