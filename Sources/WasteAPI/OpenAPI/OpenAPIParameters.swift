import JSON

/// Parameter objects for a route's path and query parameters.
///
/// `RouteDoc` lists parameters by name only, so well-known names get their types here: the
/// pagination pair, periods and months (docs/API.md, Conventions), and `id`-like names, which are integers.
enum OpenAPIParameters {
    static let periodPattern = #"^\d{4}(-(H[12]|Q[1-4]|(0[1-9]|1[0-2])))?$"#
    static let monthPattern = #"^\d{4}-(0[1-9]|1[0-2])$"#

    /// The path parameters of `path` (every `{name}`, in order), then the query parameters.
    static func all(path: String, query: [String]) -> [JSONValue] {
        pathNames(path).map(pathParameter) + query.map(queryParameter)
    }

    /// The `{name}`s of a route path, in order.
    static func pathNames(_ path: String) -> [String] {
        path.split(separator: "/").compactMap { segment in
            segment.hasPrefix("{") && segment.hasSuffix("}") ? String(segment.dropFirst().dropLast()) : nil
        }
    }

    static func isIdentifier(_ name: String) -> Bool {
        name == "id" || name.hasSuffix("_id") || name.hasSuffix("Id")
    }

    private static func pathParameter(_ name: String) -> JSONValue {
        [
            "name": .string(name),
            "in": "path",
            "required": true,
            "schema": pathSchema(name),
        ]
    }

    private static func queryParameter(_ name: String) -> JSONValue {
        var parameter = JSONObject([("name", .string(name)), ("in", "query"), ("required", false),
                                    ("schema", querySchema(name))])
        if let description = queryDescriptions[name] { parameter.set("description", .string(description)) }
        return .object(parameter)
    }

    private static func pathSchema(_ name: String) -> JSONValue {
        if isIdentifier(name) { return ["type": "integer", "minimum": 1] }
        if name == "month" { return ["type": "string", "pattern": .string(monthPattern)] }
        return ["type": "string"]
    }

    private static func querySchema(_ name: String) -> JSONValue {
        switch name {
        case "limit": return ["type": "integer", "minimum": 1, "maximum": 500, "default": 50]
        case "cursor", "format": return ["type": "string"]
        case "period": return ["type": "string", "pattern": .string(periodPattern)]
        case "month": return ["type": "string", "pattern": .string(monthPattern)]
        case "year": return ["type": "integer", "minimum": 2000, "maximum": 2100]
        case "overdue": return ["type": "boolean"]
        default: return isIdentifier(name) ? ["type": "integer", "minimum": 1] : ["type": "string"]
        }
    }

    private static let queryDescriptions: [String: String] = [
        "limit": "Items per page (default 50, at most 500).",
        "cursor": "The `next_cursor` of the previous page; opaque.",
        "period": "A year (2020), half (2020-H1), quarter (2020-Q2) or month (2020-06).",
        "month": "A month, YYYY-MM.",
    ]
}
