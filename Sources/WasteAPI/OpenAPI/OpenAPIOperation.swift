import HTTPCore
import JSON
import WasteDomain

/// One OpenAPI operation object, built from a route's `RouteDoc`.
enum OpenAPIOperation {
    static func build(_ doc: RouteDoc, operationID: String) -> JSONValue {
        var operation = JSONObject([
            ("operationId", .string(operationID)),
            ("summary", .string(doc.summary)),
            ("description", .string(accessText(doc))),
            ("tags", [.string(doc.tag)]),
            ("security", security(doc.access)),
        ])
        if doc.access != .anyone { operation.set("x-roles", .array(doc.access.roles.map { .string($0.rawValue) })) }
        if case .publicRead = doc.access { operation.set("x-public-read", true) }
        let parameters = OpenAPIParameters.all(path: doc.path, query: doc.query)
        if !parameters.isEmpty { operation.set("parameters", .array(parameters)) }
        if let body = requestBody(doc) { operation.set("requestBody", body) }
        operation.set("responses", OpenAPIResponses.build(doc))
        return .object(operation)
    }

    /// `getInstitutionsByIdLedgerEntries` for `GET /v1/institutions/{id}/ledger-entries`.
    static func operationID(_ doc: RouteDoc) -> String {
        var segments = doc.path.split(separator: "/").map(String.init)
        if segments.first == "v1" { segments.removeFirst() }
        let words = segments.isEmpty ? ["Root"] : segments.map { segment -> String in
            if segment.hasPrefix("{") && segment.hasSuffix("}") {
                return "By" + camelCase(String(segment.dropFirst().dropLast()))
            }
            return camelCase(segment)
        }
        return doc.method.rawValue.lowercased() + words.joined()
    }

    private static func camelCase(_ text: String) -> String {
        text.split(whereSeparator: { !$0.isLetter && !$0.isNumber })
            .map { $0.prefix(1).uppercased() + $0.dropFirst() }
            .joined()
    }

    /// Bearer everywhere; routes that also serve anonymous callers list the empty requirement too.
    private static func security(_ access: Access) -> JSONValue {
        let bearer: JSONValue = ["bearer": []]
        switch access {
        case .anyone, .publicRead: return [[:], bearer]
        case .authenticated, .roles: return [bearer]
        }
    }

    /// Who may call the route, in words: the `description` of the operation.
    static func accessText(_ doc: RouteDoc) -> String {
        let roles = doc.access.roles.map(\.rawValue).joined(separator: ", ")
        var text: String
        switch doc.access {
        case .anyone:
            text = "Access: anyone; no token is needed."
        case .authenticated:
            text = "Access: every authenticated role (\(roles))."
        case .roles:
            text = "Access: \(roles). Other roles get 403."
        case .publicRead:
            text = "Access: \(roles); anonymous GETs too when the server runs with --public-read."
        }
        if doc.access != .anyone && doc.access.roles.contains(.clerk) && doc.path.hasPrefix("/v1/institutions/{") {
            text += " A clerk reaches only its own institution; any other is a 404."
        }
        return text
    }

    private static func requestBody(_ doc: RouteDoc) -> JSONValue? {
        if let mediaType = doc.bodyMediaType, !mediaType.hasPrefix("application/json") {
            // text bodies (CSV imports): the named schema is a string schema describing the format
            let schema = doc.body.map(CommonSchemas.reference) ?? ["type": "string"]
            var content = JSONObject([(mediaType, .object(JSONObject([("schema", schema)])))])
            if doc.spreadsheets {  // imports take xlsx too (ImportTable)
                content.set(ListFormat.xlsx.mediaType, ["schema": ["type": "string", "format": "binary"]])
            }
            return ["required": true, "content": .object(content)]
        }
        guard let body = doc.body else { return nil }
        return ["required": true, "content": ["application/json": ["schema": CommonSchemas.reference(body)]]]
    }
}
