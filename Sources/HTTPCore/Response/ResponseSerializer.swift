/// Turns a response into the bytes of one write: status line, headers, body.
///
/// The server owns framing: it writes `Content-Length` itself (handlers cannot get it
/// wrong), the cached `Date`, and `Connection: close` when the connection ends after this
/// response. A HEAD response keeps the GET's `Content-Length` but carries no body.
enum ResponseSerializer {
    static func serialize(_ response: HTTPResponse, version: HTTPVersion, keepAlive: Bool,
                          headOnly: Bool, date: [UInt8], into out: inout [UInt8]) {
        out.reserveCapacity(out.count + 160 + response.body.count)
        append(version == .http10 ? "HTTP/1.0 " : "HTTP/1.1 ", to: &out)
        appendStatus(response.status, to: &out)
        out.append(contentsOf: [13, 10])
        for field in response.headers where !isFramingField(field.name) {
            append(field.name, to: &out)
            out.append(contentsOf: [58, 32])
            appendValue(field.value, to: &out)
            out.append(contentsOf: [13, 10])
        }
        out.append(contentsOf: date)
        if !response.forbidsBody {
            append("content-length: ", to: &out)
            append(String(response.body.count), to: &out)
            out.append(contentsOf: [13, 10])
        }
        if !keepAlive {
            append("connection: close\r\n", to: &out)
        } else if version == .http10 {
            append("connection: keep-alive\r\n", to: &out)
        }
        out.append(contentsOf: [13, 10])
        if !headOnly && !response.forbidsBody {
            out.append(contentsOf: response.body)
        }
    }

    /// The interim `100 Continue` response.
    static let continueBytes: [UInt8] = Array("HTTP/1.1 100 Continue\r\n\r\n".utf8)

    private static func isFramingField(_ name: String) -> Bool {
        name == "content-length" || name == "connection" || name == "date" || name == "transfer-encoding"
    }

    private static func appendStatus(_ status: Int, to out: inout [UInt8]) {
        let code = min(max(status, 100), 599)
        out.append(UInt8(48 + code / 100))
        out.append(UInt8(48 + code / 10 % 10))
        out.append(UInt8(48 + code % 10))
        out.append(32)
        append(StatusReason.phrase(for: code), to: &out)
    }

    private static func append(_ text: String, to out: inout [UInt8]) {
        out.append(contentsOf: text.utf8)
    }

    /// Header values come from handlers; CR, LF and NUL are dropped so no handler can split a response.
    private static func appendValue(_ text: String, to out: inout [UInt8]) {
        let utf8 = text.utf8
        guard utf8.contains(where: { $0 == 13 || $0 == 10 || $0 == 0 }) else {
            out.append(contentsOf: utf8)
            return
        }
        for byte in utf8 where byte != 13 && byte != 10 && byte != 0 {
            out.append(byte)
        }
    }
}
