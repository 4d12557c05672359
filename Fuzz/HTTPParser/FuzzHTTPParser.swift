// libFuzzer target over HTTPCore's RequestParser, compiled together with the parser's own
// source files (see scripts/fuzz-http), so it needs no product change.
//
// Beyond "no crash", every input checks:
// - each request returned has a path starting with "/" (or "*" for `OPTIONS *`), a body within
//   the limit, and a Content-Length equal to the body it framed;
// - the outcome (requests, then the error or "needs more bytes") is the same whether the bytes
//   arrive at once, split in two at an input-chosen point, or (short inputs) one byte at a time,
//   as a connection feeds them with nextRequest() after every read.

/// Small limits, so the fuzzer reaches every limit branch with short inputs.
private let fuzzLimits: HTTPLimits = {
    var limits = HTTPLimits()
    limits.maxRequestLineBytes = 256
    limits.maxHeaderBytes = 512
    limits.maxHeaderCount = 8
    limits.maxBodyBytes = 300
    return limits
}()

/// Everything observable about one parse: each request, then how it ended.
private struct Outcome: Equatable {
    var requests: [String] = []
    var end = "needs more"
}

private func describe(_ request: HTTPRequest) -> String {
    let head = request.head
    let headers = head.headers.fields.map { "\($0.name)=\($0.value)" }.joined(separator: "\u{1}")
    let trailers = request.trailers.fields.map { "\($0.name)=\($0.value)" }.joined(separator: "\u{1}")
    return "\(head.method.rawValue) \(head.target) path=\(head.path) query=\(head.query ?? "<nil>") "
        + "\(head.version.text) keepAlive=\(head.keepAlive) continue=\(head.expectsContinue) "
        + "length=\(head.contentLength.map(String.init) ?? "-") chunked=\(head.isChunked) "
        + "headers=\(headers) body=\(request.body) trailers=\(trailers)"
}

private func check(_ request: HTTPRequest) {
    let asterisk = request.method == .OPTIONS && request.path == "*" && request.head.target == "*"
    precondition(request.path.hasPrefix("/") || asterisk, "path without a leading slash: \(request.path)")
    precondition(request.body.count <= fuzzLimits.maxBodyBytes, "body of \(request.body.count) bytes over the limit")
    if let length = request.head.contentLength {
        precondition(!request.head.isChunked, "both Content-Length and chunked")
        precondition(length == request.body.count, "Content-Length \(length) but body of \(request.body.count) bytes")
    }
}

/// Drains every request the parser can produce now; false once it failed.
private func drain(_ parser: inout RequestParser, into outcome: inout Outcome) -> Bool {
    while true {
        do {
            guard let request = try parser.nextRequest() else { return true }
            check(request)
            outcome.requests.append(describe(request))
        } catch {
            outcome.end = "error \(error.status) \(error.reason)"
            return false
        }
    }
}

/// Feeds `bytes` in the given pieces, draining after each, as a connection does.
private func parse(_ bytes: [UInt8], pieces: [Range<Int>]) -> Outcome {
    var parser = RequestParser(limits: fuzzLimits)
    var outcome = Outcome()
    for piece in pieces {
        parser.append(Array(bytes[piece]))
        if !drain(&parser, into: &outcome) { break }
    }
    return outcome
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzHTTPParser(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let whole = parse(bytes, pieces: [0..<size])
    if size > 1 {
        let cut = Int(bytes[0]) % size
        let split = parse(bytes, pieces: [0..<cut, cut..<size])
        precondition(split == whole, "split at \(cut) differs:\n whole \(whole)\n split \(split)")
    }
    if size > 1 && size <= 160 {
        let single = parse(bytes, pieces: (0..<size).map { $0..<($0 + 1) })
        precondition(single == whole, "byte-at-a-time differs:\n whole \(whole)\n bytes \(single)")
    }
    return 0
}
