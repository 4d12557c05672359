import HTTPCore
import JSON

extension HTTPError {
    /// The RFC 9457 problem document for this error.
    public var problem: JSONValue {
        var pairs: [(String, JSONValue)] = [
            ("type", .string("/problems/\(kind)")),
            ("title", .string(title)),
            ("status", .number(JSONNumber(status))),
            ("detail", .string(detail)),
        ]
        if !errors.isEmpty {
            pairs.append(("errors", .array(errors.map { error in
                .object(JSONObject([("field", .string(error.field)), ("code", .string(error.code)),
                                    ("message", .string(error.message))]))
            })))
        }
        pairs.append(contentsOf: members)
        return .object(JSONObject(pairs))
    }

    /// The response carrying this error as `application/problem+json`.
    public var response: HTTPResponse {
        var headers = self.headers
        headers.set("content-type", "application/problem+json; charset=utf-8")
        return HTTPResponse(status: status, headers: headers, body: problem.serialized())
    }
}
