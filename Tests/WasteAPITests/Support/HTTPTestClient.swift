import Foundation
import Glibc
import JSON

/// A keep-alive HTTP/1.1 client over a real socket, for end-to-end API tests.
final class HTTPTestClient: @unchecked Sendable {
    let port: Int
    private var fd: Int32 = -1
    private var buffer: [UInt8] = []
    /// Sent as `Accept-Language` with every request that does not set its own; nil sends none.
    var acceptLanguage: String? = "en"

    init(port: Int) {
        self.port = port
    }

    deinit { if fd >= 0 { close(fd) } }

    struct Response {
        let status: Int
        let headers: [(String, String)]
        let body: [UInt8]

        func header(_ name: String) -> String? {
            headers.first { $0.0.lowercased() == name.lowercased() }?.1
        }

        var text: String { String(decoding: body, as: UTF8.self) }

        /// The body as JSON; `.null` when it is not JSON.
        var json: JSONValue { (try? JSONValue.parse(body)) ?? .null }

        /// The `field` of each entry of a problem's `errors`.
        var errorFields: [String] {
            json["errors"]?.arrayValue?.compactMap { $0["field"]?.stringValue } ?? []
        }
    }

    /// Sends one request and reads its response, reconnecting if the server closed the connection.
    func request(_ method: String, _ path: String, token: String? = nil, headers: [(String, String)] = [],
                 body: [UInt8]? = nil, contentType: String? = nil) throws -> Response {
        var head = "\(method) \(path) HTTP/1.1\r\nHost: localhost\r\n"
        if let token { head += "Authorization: Bearer \(token)\r\n" }
        // Problem texts default to Chinese; tests that read English texts get them unless they ask otherwise.
        if let acceptLanguage, !headers.contains(where: { $0.0.lowercased() == "accept-language" }) {
            head += "Accept-Language: \(acceptLanguage)\r\n"
        }
        for (name, value) in headers { head += "\(name): \(value)\r\n" }
        if let body {
            head += "Content-Length: \(body.count)\r\n"
            if let contentType { head += "Content-Type: \(contentType)\r\n" }
        }
        head += "\r\n"
        let bytes = Array(head.utf8) + (body ?? [])
        for attempt in 0..<2 {
            if fd < 0 { try connect() }
            if send(bytes), let response = try? readResponse(headRequest: method == "HEAD") {
                if response.header("connection")?.lowercased() == "close" { disconnect() }
                return response
            }
            disconnect()
            if attempt == 1 { break }
        }
        throw ClientFailure(message: "no response to \(method) \(path)")
    }

    func get(_ path: String, token: String? = nil, headers: [(String, String)] = []) throws -> Response {
        try request("GET", path, token: token, headers: headers)
    }

    func delete(_ path: String, token: String? = nil, headers: [(String, String)] = []) throws -> Response {
        try request("DELETE", path, token: token, headers: headers)
    }

    func send(_ method: String, _ path: String, json: JSONValue, token: String? = nil,
              headers: [(String, String)] = []) throws -> Response {
        try request(method, path, token: token, headers: headers, body: json.serialized(),
                    contentType: "application/json")
    }

    func post(_ path: String, json: JSONValue, token: String? = nil, headers: [(String, String)] = []) throws -> Response {
        try send("POST", path, json: json, token: token, headers: headers)
    }

    func patch(_ path: String, json: JSONValue, token: String? = nil, headers: [(String, String)] = []) throws -> Response {
        try send("PATCH", path, json: json, token: token, headers: headers)
    }

    func put(_ path: String, json: JSONValue, token: String? = nil, headers: [(String, String)] = []) throws -> Response {
        try send("PUT", path, json: json, token: token, headers: headers)
    }

    struct ClientFailure: Error { let message: String }

    private func connect() throws {
        fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = UInt16(port).bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { Glibc.connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard result == 0 else { disconnect(); throw ClientFailure(message: "connect failed: errno \(errno)") }
        var timeout = timeval(tv_sec: 20, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        buffer.removeAll()
    }

    private func disconnect() {
        if fd >= 0 { close(fd) }
        fd = -1
        buffer.removeAll()
    }

    private func send(_ bytes: [UInt8]) -> Bool {
        var offset = 0
        while offset < bytes.count {
            let sent = bytes.withUnsafeBytes { Glibc.send(fd, $0.baseAddress! + offset, bytes.count - offset, Int32(MSG_NOSIGNAL)) }
            if sent <= 0 { return false }
            offset += sent
        }
        return true
    }

    private func readResponse(headRequest: Bool) throws -> Response {
        while true {
            if let (response, used) = parse(headRequest: headRequest) {
                buffer.removeFirst(used)
                if response.status == 100 { continue }
                return response
            }
            var chunk = [UInt8](repeating: 0, count: 65536)
            let count = recv(fd, &chunk, chunk.count, 0)
            guard count > 0 else { throw ClientFailure(message: "connection closed") }
            buffer.append(contentsOf: chunk[0..<count])
        }
    }

    private func parse(headRequest: Bool) -> (Response, Int)? {
        guard buffer.count >= 4 else { return nil }
        var end: Int?
        for index in 0...(buffer.count - 4) where buffer[index] == 13 && buffer[index + 1] == 10
            && buffer[index + 2] == 13 && buffer[index + 3] == 10 {
            end = index
            break
        }
        guard let end else { return nil }
        let lines = String(decoding: buffer[0..<end], as: UTF8.self).components(separatedBy: "\r\n")
        let status = Int(lines[0].split(separator: " ")[1]) ?? 0
        let headers = lines.dropFirst().map { line -> (String, String) in
            let parts = line.split(separator: ":", maxSplits: 1)
            return (String(parts[0]), parts.count > 1 ? parts[1].trimmingCharacters(in: .whitespaces) : "")
        }
        let declared = Int(headers.first { $0.0.lowercased() == "content-length" }?.1 ?? "0") ?? 0
        let length = headRequest || status == 204 || status == 304 || status < 200 ? 0 : declared
        guard buffer.count >= end + 4 + length else { return nil }
        return (Response(status: status, headers: headers, body: Array(buffer[(end + 4)..<(end + 4 + length)])), end + 4 + length)
    }
}
