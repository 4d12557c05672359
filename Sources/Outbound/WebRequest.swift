/// One HTTP `POST` to send (a webhook or a robot), and what came back.
public struct WebRequest: Sendable {
    public var url: String
    public var headers: [(String, String)]
    public var body: [UInt8]

    public init(url: String, headers: [(String, String)] = [], body: [UInt8]) {
        self.url = url
        self.headers = headers
        self.body = body
    }
}

public struct WebResponse: Sendable, Equatable {
    public let status: Int
    /// The first bytes of the body (robots answer `{"errcode":0,…}` with status 200).
    public let body: [UInt8]

    public init(status: Int, body: [UInt8]) {
        self.status = status
        self.body = body
    }

    public var isSuccess: Bool { (200..<300).contains(status) }
}
