import Testing
@testable import HTTPCore

/// The bytes of a literal; test fixtures spell CRLF explicitly.
func bytes(_ text: String) -> [UInt8] { Array(text.utf8) }

/// An Equatable picture of a parsed request, for comparing runs.
struct RequestSnapshot: Equatable, CustomStringConvertible {
    var method: HTTPMethod
    var target: String
    var path: String
    var query: String?
    var version: HTTPVersion
    var headers: [String]
    var keepAlive: Bool
    var expectsContinue: Bool
    var contentLength: Int?
    var isChunked: Bool
    var body: [UInt8]
    var trailers: [String]

    init(_ request: HTTPRequest) {
        let head = request.head
        method = head.method
        target = head.target
        path = head.path
        query = head.query
        version = head.version
        headers = head.headers.map { "\($0.name)=\($0.value)" }
        keepAlive = head.keepAlive
        expectsContinue = head.expectsContinue
        contentLength = head.contentLength
        isChunked = head.isChunked
        body = request.body
        trailers = request.trailers.map { "\($0.name)=\($0.value)" }
    }

    var description: String { "\(method) \(target) -> \(path) ?\(query ?? "nil") body=\(body.count)" }
}

/// Everything a run of the parser produced.
struct Outcome: Equatable {
    var requests: [RequestSnapshot] = []
    var error: HTTPParseError?
    var pendingHead = false
}

/// Appends each chunk in turn, draining complete requests after every append.
func feed(_ chunks: [ArraySlice<UInt8>], limits: HTTPLimits = HTTPLimits()) -> Outcome {
    var parser = RequestParser(limits: limits)
    var outcome = Outcome()
    for chunk in chunks {
        parser.append(Array(chunk))
        do {
            while let request = try parser.nextRequest() { outcome.requests.append(RequestSnapshot(request)) }
        } catch {
            outcome.error = error
            return outcome
        }
    }
    outcome.pendingHead = parser.pendingHead != nil
    return outcome
}

/// Parses `input` whole, split at every boundary, and byte by byte; every run must agree,
/// requests and errors alike. Returns the whole-input outcome.
@discardableResult
func parseEverySplit(_ input: [UInt8], limits: HTTPLimits = HTTPLimits(),
                     sourceLocation: SourceLocation = #_sourceLocation) -> Outcome {
    let whole = feed([input[...]], limits: limits)
    for i in 0...input.count {
        let split = feed([input[..<i], input[i...]], limits: limits)
        if split != whole {
            Issue.record("split at \(i) gave \(split), whole gave \(whole)", sourceLocation: sourceLocation)
            break
        }
    }
    let trickled = feed(input.map { [$0][...] }, limits: limits)
    #expect(trickled == whole, "byte by byte", sourceLocation: sourceLocation)
    return whole
}

/// The single request `text` parses to (checked at every split), or nil after recording an issue.
func parseOne(_ text: String, limits: HTTPLimits = HTTPLimits(),
              sourceLocation: SourceLocation = #_sourceLocation) -> RequestSnapshot? {
    let outcome = parseEverySplit(bytes(text), limits: limits, sourceLocation: sourceLocation)
    guard outcome.error == nil, outcome.requests.count == 1, let request = outcome.requests.first else {
        Issue.record("expected one request, got \(outcome)", sourceLocation: sourceLocation)
        return nil
    }
    return request
}

/// Checks that `text` fails with exactly `expected`, at every split.
func expectFailure(_ text: String, _ expected: HTTPParseError, limits: HTTPLimits = HTTPLimits(),
                   sourceLocation: SourceLocation = #_sourceLocation) {
    expectFailure(bytes(text), expected, limits: limits, sourceLocation: sourceLocation)
}

func expectFailure(_ input: [UInt8], _ expected: HTTPParseError, limits: HTTPLimits = HTTPLimits(),
                   sourceLocation: SourceLocation = #_sourceLocation) {
    let outcome = parseEverySplit(input, limits: limits, sourceLocation: sourceLocation)
    #expect(outcome.error == expected, "\(outcome)", sourceLocation: sourceLocation)
}

/// A minimal valid HTTP/1.1 request with extra header lines.
func get(_ target: String = "/", headers: String = "") -> String {
    "GET \(target) HTTP/1.1\r\nHost: example.com\r\n\(headers)\r\n"
}

extension HTTPLimits {
    static func small(headerBytes: Int = 64 * 1024, headerCount: Int = 100, body: Int = 8 * 1024 * 1024) -> HTTPLimits {
        var limits = HTTPLimits()
        limits.maxHeaderBytes = headerBytes
        limits.maxHeaderCount = headerCount
        limits.maxBodyBytes = body
        return limits
    }
}
