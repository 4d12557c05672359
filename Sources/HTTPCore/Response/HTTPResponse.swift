/// A response as handlers produce it: status, headers and the whole body.
///
/// The server adds `Date`, `Content-Length` and `Connection`; handlers set everything else.
public struct HTTPResponse: Sendable {
    public var status: Int
    public var headers: HTTPHeaders
    public var body: [UInt8]

    public init(status: Int, headers: HTTPHeaders = HTTPHeaders(), body: [UInt8] = []) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    public init(status: Int, contentType: String, body: [UInt8]) {
        self.init(status: status, headers: ["content-type": contentType], body: body)
    }

    /// Whether the status forbids a body (1xx, 204, 304: RFC 9110 §6.4.1).
    public var forbidsBody: Bool { status < 200 || status == 204 || status == 304 }
}
