import Hashing
import HTTPCore
import Routing

/// `GET /`: the dashboard page, served from memory with a strong ETag. The page is built once
/// per server, marked for `--public-read` so that it hides its token box.
enum DashboardRoutes {
    static func register(in routes: inout APIRoutes) {
        let body = Array(DashboardPage.html(publicRead: routes.services.options.publicRead).utf8)
        let etag = "\"" + String(SHA256Digest.hex(body).prefix(16)) + "\""
        routes.addOperational(.GET, "/", summary: "The dashboard page (self-contained HTML; /?wall=1 for a wall screen)", inline: true) { request in
            if Conditional.isNotModified(request.headers, etag: etag) { return Conditional.notModified(etag: etag) }
            return HTTPResponse(status: 200, headers: [
                "content-type": "text/html; charset=utf-8",
                "etag": etag,
                "cache-control": "no-cache",
                "content-security-policy": "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; connect-src 'self'; img-src 'self' data:",
                "x-content-type-options": "nosniff",
            ], body: body)
        }
    }
}
