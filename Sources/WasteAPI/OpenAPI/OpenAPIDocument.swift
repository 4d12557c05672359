import HTTPCore
import JSON

/// The OpenAPI 3.1 document of the API, built from the routes' `RouteDoc`s and the resources'
/// component schemas, so it cannot drift from what the server actually routes.
struct OpenAPIDocument {
    static let openAPIVersion = "3.1.0"
    /// The version of the `/v1` contract this document describes.
    static let apiVersion = "1.0.0"

    let json: JSONValue
    /// Schemas referenced but defined by no `<Name>Schemas` (present as placeholders).
    let missingSchemas: [String]
    /// Schemas defined by more than one `<Name>Schemas` (the first definition is used).
    let duplicateSchemas: [String]

    init(routes: [RouteDoc], schemas: [[(String, JSONValue)]]) {
        let paths = Self.paths(routes)
        let registry = OpenAPISchemaRegistry(schemas)
        let (components, missing) = registry.components(referencedFrom: paths)
        missingSchemas = missing
        duplicateSchemas = registry.duplicates
        json = .object(JSONObject([
            ("openapi", .string(Self.openAPIVersion)),
            ("info", Self.info),
            ("servers", [["url": "/"]]),
            ("security", [["bearer": []]]),
            ("tags", Self.tags(routes)),
            ("paths", paths),
            ("components", .object(JSONObject([
                ("schemas", components),
                ("responses", OpenAPIResponses.components),
                ("securitySchemes", ["bearer": [
                    "type": "http", "scheme": "bearer",
                    "description": "A session token from POST /v1/sessions or an API token from POST /v1/tokens.",
                ]]),
            ]))),
        ]))
    }

    private static let info: JSONValue = [
        "title": "wastesort",
        "version": .string(apiVersion),
        "description": """
            The district's supervision of mandatory domestic-waste sorting in its Party and government organs \
            and other public institutions: institutions, ledgers of sorted waste, facilities, inspections, \
            rectifications, scores, rankings and notices. Clerks report for their own institution, inspectors \
            inspect, the leading-group office administers, dashboards read aggregates. Errors are RFC 9457 \
            application/problem+json; lists are paged with `limit` and an opaque `cursor`.
            """,
    ]

    /// `paths`: one item per route path, in registration order, with an operation per method.
    /// HEAD and OPTIONS are answered by the router for every path and are not listed.
    private static func paths(_ routes: [RouteDoc]) -> JSONValue {
        var paths = JSONObject()
        var usedIDs = Set<String>()
        for doc in routes where doc.method != .HEAD && doc.method != .OPTIONS {
            let id = uniqueID(OpenAPIOperation.operationID(doc), used: &usedIDs)
            var item = paths[doc.path]?.objectValue ?? JSONObject()
            item.set(doc.method.rawValue.lowercased(), OpenAPIOperation.build(doc, operationID: id))
            paths.set(doc.path, .object(item))
        }
        return .object(paths)
    }

    /// `id`, or `id_2`, `id_3`… when two paths camel-case to the same words (`/a-b` and `/a/b`).
    private static func uniqueID(_ id: String, used: inout Set<String>) -> String {
        var candidate = id
        var counter = 2
        while used.contains(candidate) {
            candidate = "\(id)_\(counter)"
            counter += 1
        }
        used.insert(candidate)
        return candidate
    }

    private static func tags(_ routes: [RouteDoc]) -> JSONValue {
        var seen: [String] = []
        for doc in routes where !seen.contains(doc.tag) { seen.append(doc.tag) }
        return .array(seen.map { ["name": .string($0)] })
    }
}
