/// How the message is delimited and kept alive, derived from the fields that control framing.
struct Framing: Sendable, Equatable {
    var contentLength: Int?
    var isChunked: Bool
    var keepAlive: Bool
    var expectsContinue: Bool
}

/// Collects the framing-relevant fields while the header section streams in, then resolves them
/// once it is complete (RFC 9112 §6, §9.3; RFC 9110 §7.2, §10.1.1). Every ambiguity that one
/// hop could read differently from another is refused.
struct FramingFields: Sendable {
    // The first value and a count of each field: a repeat is an error, so later values never matter.
    private var hosts = FirstValue()
    private var contentLengths = FirstValue()
    private var transferEncodings = FirstValue()
    private var connectionClose = false
    private var connectionKeepAlive = false
    private var expectContinue = false
    private var unknownExpectation = false

    /// Notes a field if it matters for framing; `name` is lower-case.
    mutating func note(name: String, value: String) {
        switch name {
        case "host": hosts.note(value)
        case "content-length": contentLengths.note(value)
        case "transfer-encoding": transferEncodings.note(value)
        case "connection": noteConnection(value)
        case "expect": noteExpect(value)
        default: break
        }
    }

    /// Resolves framing; checks run 400s first, then 417 (the 413 follows in `RequestParser`,
    /// which knows the body limit of this request's route only once the head is complete).
    func resolve(_ line: RequestLine, limits: HTTPLimits) throws(HTTPParseError) -> Framing {
        try validateHost(line)
        let (contentLength, isChunked) = try bodyFraming(line.version)
        if unknownExpectation { throw .expectationFailed }
        let keepAlive = !connectionClose && (line.version == .http11 || connectionKeepAlive)
        // RFC 9110 §10.1.1: a 100-continue expectation from an HTTP/1.0 client is ignored.
        let expects = expectContinue && line.version == .http11
        return Framing(contentLength: contentLength, isChunked: isChunked, keepAlive: keepAlive, expectsContinue: expects)
    }

    /// Exactly one valid Host on 1.1; at most one valid Host on 1.0. Empty only with absolute-form.
    private func validateHost(_ line: RequestLine) throws(HTTPParseError) {
        guard hosts.count <= 1 else { throw .badRequest("repeated Host") }
        guard let host = hosts.first else {
            if line.version == .http11 { throw .badRequest("missing Host") }
            return
        }
        if host.isEmpty && line.parsedTarget.isAbsoluteForm { return }
        guard host.withBytes(HostValidator.isValid) else { throw .badRequest("invalid Host") }
    }

    private func bodyFraming(_ version: HTTPVersion) throws(HTTPParseError) -> (Int?, Bool) {
        if transferEncodings.isEmpty {
            guard contentLengths.count <= 1 else { throw .badRequest("repeated Content-Length") }
            guard let text = contentLengths.first else { return (nil, false) }
            guard let length = text.withBytes(Self.parseContentLength) else {
                throw .badRequest("invalid Content-Length")
            }
            return (length, false)
        }
        guard contentLengths.isEmpty else { throw .badRequest("Content-Length with Transfer-Encoding") }
        guard version == .http11 else { throw .badRequest("Transfer-Encoding in HTTP/1.0") }
        guard transferEncodings.count == 1, let value = transferEncodings.first else {
            throw .badRequest("unsupported Transfer-Encoding")
        }
        if let refusal = value.withBytes(Self.transferCodingRefusal) { throw refusal }
        return (nil, true)
    }

    /// Why the `Transfer-Encoding` list is refused, or nil when it is exactly `chunked`.
    /// Only `chunked`, once, is served. A list that is not a clean list of tokens, or names
    /// chunked twice or with parameters, is 400 (it could frame differently elsewhere); a clean
    /// list naming another coding (gzip, deflate, …) is 501 (RFC 9112 §6.1). Either way the
    /// connection closes, so no body bytes are ever read as a next request.
    static func transferCodingRefusal(_ bytes: UnsafeBufferPointer<UInt8>) -> HTTPParseError? {
        var codings: [UnsafeBufferPointer<UInt8>] = []
        var start = 0
        while start <= bytes.count {
            let end = bytes.firstIndex(of: ASCII.comma, from: start) ?? bytes.count
            codings.append(UnsafeBufferPointer(rebasing: bytes[start..<end]).trimmingWhitespace())
            start = end + 1
        }
        let malformed = HTTPParseError.badRequest("unsupported Transfer-Encoding")
        guard codings.allSatisfy({ !$0.isEmpty && $0.allSatisfy(ByteClass.isTChar) }) else { return malformed }
        let chunked = codings.filter { $0.equalsIgnoringCase("chunked") }.count
        guard chunked <= 1 else { return malformed }
        if let other = codings.first(where: { !$0.equalsIgnoringCase("chunked") }) {
            return .transferCodingNotImplemented(other.string.lowercased())
        }
        return nil
    }

    /// 1*DIGIT, at most 18 digits so it always fits in Int without overflow checks.
    static func parseContentLength(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        guard (1...18).contains(bytes.count) else { return nil }
        var value = 0
        for b in bytes {
            guard ByteClass.isDigit(b) else { return nil }
            value = value &* 10 &+ Int(b &- 0x30)
        }
        return value
    }

    /// `Connection` is a comma-separated token list; only `close` and `keep-alive` matter here.
    private mutating func noteConnection(_ value: String) {
        value.withBytes { bytes in
            Self.forEachListElement(bytes) { token in
                if token.equalsIgnoringCase("close") { connectionClose = true }
                if token.equalsIgnoringCase("keep-alive") { connectionKeepAlive = true }
            }
        }
    }

    /// The only expectation defined is 100-continue; anything else must be answered 417.
    private mutating func noteExpect(_ value: String) {
        if value.withBytes({ $0.equalsIgnoringCase("100-continue") }) {
            expectContinue = true
        } else {
            unknownExpectation = true
        }
    }

    /// Calls `body` with each OWS-trimmed, non-empty element of a comma-separated list.
    static func forEachListElement(_ bytes: UnsafeBufferPointer<UInt8>, _ body: (UnsafeBufferPointer<UInt8>) -> Void) {
        var start = 0
        while start <= bytes.count {
            let end = bytes.firstIndex(of: ASCII.comma, from: start) ?? bytes.count
            let element = UnsafeBufferPointer(rebasing: bytes[start..<end]).trimmingWhitespace()
            if !element.isEmpty { body(element) }
            start = end + 1
        }
    }
}

/// The first value of a field and how often it occurred, without allocating per field.
private struct FirstValue: Sendable {
    private(set) var first: String?
    private(set) var count = 0

    var isEmpty: Bool { count == 0 }

    mutating func note(_ value: String) {
        if count == 0 { first = value }
        count += 1
    }
}
