import HTTPCore
import JSON

extension HTTPResponse {
    /// A JSON response from a value tree.
    public static func json(_ value: JSONValue, status: Int = 200, headers: HTTPHeaders = HTTPHeaders()) -> HTTPResponse {
        var headers = headers
        headers.set("content-type", "application/json; charset=utf-8")
        return HTTPResponse(status: status, headers: headers, body: value.serialized())
    }

    /// A JSON response written directly, without building a value tree (the fast path).
    public static func json(status: Int = 200, headers: HTTPHeaders = HTTPHeaders(), capacity: Int = 512,
                            _ write: (inout JSONWriter) -> Void) -> HTTPResponse {
        var writer = JSONWriter(capacity: capacity)
        write(&writer)
        var headers = headers
        headers.set("content-type", "application/json; charset=utf-8")
        return HTTPResponse(status: status, headers: headers, body: writer.bytes)
    }

    /// A text response (`text/plain`, `text/markdown`, `text/html`, `text/csv`…).
    public static func text(_ text: String, contentType: String = "text/plain; charset=utf-8", status: Int = 200) -> HTTPResponse {
        HTTPResponse(status: status, headers: ["content-type": contentType], body: Array(text.utf8))
    }
}
