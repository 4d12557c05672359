import Hashing
import HTTPCore
import JSON
import Routing

/// `GET /openapi.json`: the document, serialised once at start-up and served with an ETag.
enum OpenAPIRoutes {
    /// Every resource's component schemas. A new `<Name>Schemas` file must be listed here.
    static let schemas: [[(String, JSONValue)]] = [
        CommonSchemas.all,
        SessionSchemas.all,
        AccountSchemas.all,
        InstitutionSchemas.all,
        UserSchemas.all,
        TokenSchemas.all,
        AuditSchemas.all,
        SettingsSchemas.all,
        LedgerSchemas.all,
        FacilitySchemas.all,
        ActivitySchemas.all,
        InspectionSchemas.all,
        RankingSchemas.all,
        NoticeSchemas.all,
        ReminderSchemas.all,
        CoverageSchemas.all,
        AttachmentSchemas.all,
    ]

    static let path = "/openapi.json"
    static let summary = "This API's OpenAPI 3.1 document"

    /// Registers the route last, so the document describes every route, this one included.
    static func register(in routes: inout APIRoutes) {
        // The document must list its own route, which exists only once registered: describe a
        // copy of the routes that has it, then register the real one serving that document.
        var described = routes
        described.addOperational(.GET, path, summary: summary) { _ in HTTPResponse(status: 500) }
        let served = ServedDocument(OpenAPIDocument(routes: described.docs, schemas: schemas))
        routes.addOperational(.GET, path, summary: summary, inline: true) { request in
            served.response(to: request)
        }
    }
}

/// The serialised document and its strong ETag (a digest of the bytes).
struct ServedDocument: Sendable {
    let bytes: [UInt8]
    let etag: String

    init(_ document: OpenAPIDocument) {
        bytes = document.json.serialized()
        etag = "\"" + SHA256Digest.hex(bytes).prefix(32) + "\""
    }

    func response(to request: Request) -> HTTPResponse {
        if Conditional.isNotModified(request.headers, etag: etag) { return Conditional.notModified(etag: etag) }
        return HTTPResponse(status: 200, headers: ["content-type": "application/json; charset=utf-8",
                                                   "etag": etag, "cache-control": "no-cache"], body: bytes)
    }
}
