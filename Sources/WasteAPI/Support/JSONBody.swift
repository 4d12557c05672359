import Foundation
import HTTPCore
import JSON
import Routing

extension APIContext {
    /// The request body as a JSON object: 415 for another media type, 400 for bytes that
    /// are not UTF-8 JSON or not an object, each with a message saying what is wrong.
    public func jsonObject() throws(HTTPError) -> JSONObject {
        switch try jsonValue() {
        case .object(let object): return object
        default: throw HTTPError.badRequest("the request body must be a JSON object", kind: "invalid-json")
        }
    }

    /// The request body as any JSON value (objects or `{"entries": [...]}` batches).
    public func jsonValue() throws(HTTPError) -> JSONValue {
        try requireJSONMediaType()
        let body = request.body
        guard !body.isEmpty else { throw HTTPError.badRequest("a JSON request body is required", kind: "invalid-json") }
        do {
            return try JSONValue.parse(body)
        } catch {
            throw HTTPError.badRequest("the request body is not valid JSON: \(error.message)", kind: "invalid-json")
        }
    }

    private func requireJSONMediaType() throws(HTTPError) {
        guard let contentType = request.headers["content-type"] else {
            throw HTTPError.unsupportedMediaType("send the body with Content-Type: application/json")
        }
        // What nearly every client sends, accepted without splitting and trimming.
        if contentType == "application/json" || contentType == "application/json; charset=utf-8" { return }
        let parts = contentType.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        let mediaType = parts.first ?? ""
        guard mediaType == "application/json" || (mediaType.hasPrefix("application/") && mediaType.hasSuffix("+json")) else {
            throw HTTPError.unsupportedMediaType("this endpoint takes application/json, not \(mediaType)")
        }
        for parameter in parts.dropFirst() where parameter.hasPrefix("charset=") {
            let charset = parameter.dropFirst("charset=".count).trimmingCharacters(in: CharacterSet(charactersIn: "\""))
            guard charset == "utf-8" || charset == "utf8" else {
                throw HTTPError.unsupportedMediaType("JSON bodies must be UTF-8, not \(charset)")
            }
        }
    }
}
