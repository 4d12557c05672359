import HTTPCore
import JSON
import WasteDomain

/// The `responses` of an operation: its success, and the errors the shared machinery can answer.
///
/// Errors are derived from what `APIRoutes` and the support types do, not guessed per route:
/// 401 from authentication, 403 from the access rule, 404 from path ids, 409 from idempotency
/// and uniqueness, 412 from If-Match, 415 from `context.jsonObject()`.
enum OpenAPIResponses {
    /// Shared error responses, in `components.responses`.
    static let components: JSONValue = [
        "BadRequest": problem("The request is malformed or fails validation; `errors` lists every bad field.",
                              schema: "ValidationProblem"),
        "Unauthorized": problem("No usable bearer token: missing, malformed, unknown, expired or revoked.",
                                headers: ["WWW-Authenticate": ["schema": ["type": "string"]]]),
        "Forbidden": problem("The caller's role may not call this operation."),
        "NotFound": problem("No such resource (also what a clerk gets for another institution)."),
        "Conflict": problem("Conflicts with stored data (a unique field, a frozen month) or reuses an Idempotency-Key with another body."),
        "PreconditionFailed": problem("If-Match names another version of the resource."),
        "UnsupportedMediaType": problem("The body is not in the media type this operation takes."),
        "NotAcceptable": problem("The Accept header matches none of JSON, CSV and xlsx."),
        "TooManyRequests": problem("Too many failed logins for this username; wait Retry-After seconds.",
                                   headers: ["Retry-After": ["schema": ["type": "integer", "minimum": 1]]]),
        "InsufficientStorage": problem("The server's disk is full: nothing was written; retry once space is freed.",
                                       headers: ["Retry-After": ["schema": ["type": "integer", "minimum": 1]]]),
        "StorageUnavailable": problem("The server's storage fails (I/O errors, read-only, database file moved) or it is overloaded: nothing was written.",
                                      headers: ["Retry-After": ["schema": ["type": "integer", "minimum": 1]]]),
    ]

    static func build(_ doc: RouteDoc) -> JSONValue {
        var responses = JSONObject()
        responses.set(String(doc.success), success(doc))
        if let extra = OperationalContent.known[doc.path]?.extraResponses {
            for (status, response) in extra { responses.set(status, response) }
        }
        for (status, name) in errors(doc) {
            responses.set(status, ["$ref": .string("#/components/responses/\(name)")])
        }
        return .object(responses)
    }

    /// The error responses that apply to a route, by status.
    static func errors(_ doc: RouteDoc) -> [(String, String)] {
        let isOperational = doc.tag == "operations" && doc.access == .anyone
        let isWrite = [.POST, .PUT, .PATCH, .DELETE].contains(doc.method)
        let hasBody = doc.body != nil || doc.bodyMediaType != nil
        let hasPathParameters = !OpenAPIParameters.pathNames(doc.path).isEmpty
        var errors: [(String, String)] = []
        if !isOperational { errors.append(("400", "BadRequest")) }
        if doc.access != .anyone { errors.append(("401", "Unauthorized")) }
        if doc.access.isRoleRestricted { errors.append(("403", "Forbidden")) }
        if hasPathParameters { errors.append(("404", "NotFound")) }
        if isWrite && doc.access != .anyone { errors.append(("409", "Conflict")) }
        if doc.method == .PUT || doc.method == .PATCH || (doc.method == .DELETE && hasPathParameters) {
            errors.append(("412", "PreconditionFailed"))
        }
        if hasBody { errors.append(("415", "UnsupportedMediaType")) }
        if doc.spreadsheets && doc.method == .GET { errors.append(("406", "NotAcceptable")) }
        if doc.method == .POST && doc.path == "/v1/sessions" { errors.append(("429", "TooManyRequests")) }
        if isWrite {  // storage faults (docs/RELIABILITY.md)
            errors.append(("503", "StorageUnavailable"))
            errors.append(("507", "InsufficientStorage"))
        }
        return errors
    }

    private static func success(_ doc: RouteDoc) -> JSONValue {
        if doc.success == 204 { return ["description": "Done; no content."] }
        var response = JSONObject([("description", .string(doc.summary))])
        if let name = doc.response {
            var content = JSONObject([("application/json", ["schema": CommonSchemas.reference(name)])])
            if doc.spreadsheets && doc.method == .GET {  // ListFormat: ?format=csv|xlsx or Accept
                content.set("text/csv", ["schema": ["type": "string", "description": "UTF-8 with BOM; ?headers=zh for Chinese headers"]])
                content.set(ListFormat.xlsx.mediaType, ["schema": ["type": "string", "format": "binary"]])
            }
            response.set("content", .object(content))
        } else if let known = OperationalContent.known[doc.path] {
            response.set("content", [known.mediaType: ["schema": known.schema]])
        }
        if doc.success == 201 && doc.access != .anyone {  // a login creates no addressable resource
            response.set("headers", ["Location": ["description": "The URL of the created resource.",
                                                  "schema": ["type": "string"]]])
        }
        return .object(response)
    }

    private static func problem(_ description: String, schema: String = "Problem", headers: JSONValue? = nil) -> JSONValue {
        var response = JSONObject([
            ("description", .string(description)),
            ("content", ["application/problem+json": ["schema": CommonSchemas.reference(schema)]]),
        ])
        if let headers { response.set("headers", headers) }
        return .object(response)
    }
}

/// What the operational routes (registered without a response schema) answer.
struct OperationalContent {
    let mediaType: String
    let schema: JSONValue
    var extraResponses: [(String, JSONValue)] = []

    static let known: [String: OperationalContent] = [
        "/healthz": OperationalContent(mediaType: "application/json", schema: CommonSchemas.reference("Health")),
        "/readyz": OperationalContent(mediaType: "application/json", schema: CommonSchemas.reference("Ready"),
                                      extraResponses: [("503", [
                                          "description": "The database does not answer, migrations are missing, or writes fail with a storage fault (`storage`).",
                                          "content": ["application/json": ["schema": CommonSchemas.reference("Ready")]],
                                      ])]),
        "/metrics": OperationalContent(mediaType: "text/plain; version=0.0.4", schema: ["type": "string"]),
        "/openapi.json": OperationalContent(mediaType: "application/json", schema: ["type": "object"],
                                            extraResponses: [("304", ["description": "Not modified (If-None-Match)."])]),
        "/": OperationalContent(mediaType: "text/html", schema: ["type": "string"]),
        "/v1/attachments/{id}": OperationalContent(mediaType: "application/octet-stream", schema: ["type": "string", "format": "binary"],
                                                   extraResponses: [
                                                       ("206", ["description": "The requested byte range (Content-Range)."]),
                                                       ("304", ["description": "Not modified (If-None-Match)."]),
                                                       ("416", ["description": "The range lies beyond the file."]),
                                                   ]),
    ]
}

extension Access {
    /// Whether some role is refused (so the route can answer 403).
    var isRoleRestricted: Bool {
        switch self {
        case .anyone, .authenticated: false
        case .roles(let roles), .publicRead(let roles): roles != Set(Role.allCases)
        }
    }
}
