import HTTPCore
import JSON
import Routing

/// What a handler answers, as a value; ``response(to:)`` applies the HTTP around it once for
/// every route: the entity tag, `304` for a current `If-None-Match` on a read, `Location` and
/// `201` for a creation, `204` for no content.
enum Reply {
    /// A stored resource at its version.
    case entity(JSONValue, etag: String)
    /// A resource just created, at `location`.
    case created(JSONValue, etag: String, location: String)
    /// Nothing to show (a deletion, an archive), with the tag of what remains, if anything.
    case noContent(etag: String? = nil)
    /// A list page or any other answer without a version.
    case value(JSONValue)

    func response(to request: Request) -> HTTPResponse {
        switch self {
        case .entity(let json, let etag):
            let reading = request.method == .GET || request.method == .HEAD
            if reading, Conditional.isNotModified(request.headers, etag: etag) { return Conditional.notModified(etag: etag) }
            return .json(json, headers: ["etag": etag])
        case .created(let json, let etag, let location):
            return .json(json, status: 201, headers: ["location": location, "etag": etag])
        case .noContent(let etag):
            return HTTPResponse(status: 204, headers: etag.map { ["etag": $0] } ?? HTTPHeaders())
        case .value(let json):
            return .json(json)
        }
    }
}
