import Foundation
import HTTPCore
import Routing

/// `GET /problems/{type}`: the page a problem's `type` URI names, describing the problem in
/// Chinese and English (RFC 9457 §3.1.1: the type URI should lead to documentation).
enum ProblemPageRoutes {
    static func register(in routes: inout APIRoutes) {
        routes.addOperational(.GET, "/problems/{type}", summary: "A short page describing one problem type (the `type` of problem+json)",
                              inline: true) { request in
            let type = try request.parameters.require("type")
            guard let entry = ProblemCatalogue.entries[type] else {
                throw HTTPError.notFound("no problem type \(type)")
            }
            return HTTPResponse(status: 200, headers: ["content-type": "text/html; charset=utf-8", "cache-control": "public, max-age=86400",
                                                       "content-language": "zh-CN, en"],
                                body: Array(page(type, entry).utf8))
        }
    }

    static func page(_ type: String, _ entry: ProblemCatalogue.Entry) -> String {
        """
        <!doctype html>
        <html lang="zh-CN"><head><meta charset="utf-8"><title>\(escape(entry.titleZH)) · \(escape(entry.titleEN))</title>
        <style>body{font:16px/1.6 system-ui,sans-serif;max-width:40rem;margin:2rem auto;padding:0 1rem}code{background:#eee;padding:0 .2em}</style>
        </head><body>
        <h1>\(escape(entry.titleZH))</h1>
        <p>\(escape(entry.aboutZH))</p>
        <h2 lang="en">\(escape(entry.titleEN))</h2>
        <p lang="en">\(escape(entry.aboutEN))</p>
        <p>HTTP \(entry.status) · <code>type: /problems/\(escape(type))</code> · <a href="/openapi.json">/openapi.json</a></p>
        </body></html>

        """
    }

    private static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }
}
