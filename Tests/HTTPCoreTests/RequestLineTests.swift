import Testing
@testable import HTTPCore

@Test func simpleGetParsesIntoHead() {
    let request = parseOne("GET /bins?city=Ghent HTTP/1.1\r\nHost: example.com\r\n\r\n")
    #expect(request?.method == .GET)
    #expect(request?.target == "/bins?city=Ghent")
    #expect(request?.path == "/bins")
    #expect(request?.query == "city=Ghent")
    #expect(request?.version == .http11)
    #expect(request?.headers == ["host=example.com"])
    #expect(request?.keepAlive == true)
    #expect(request?.expectsContinue == false)
    #expect(request?.contentLength == nil)
    #expect(request?.isChunked == false)
    #expect(request?.body == [])
}

@Test(arguments: HTTPMethod.allCases)
func everyImplementedMethodIsRecognised(method: HTTPMethod) {
    #expect(parseOne("\(method.rawValue) / HTTP/1.1\r\nHost: a\r\n\r\n")?.method == method)
}

@Test func leadingEmptyLinesBeforeRequestLineAreIgnored() {
    #expect(parseOne("\r\n\r\n" + get())?.path == "/")
    #expect(parseOne(String(repeating: "\r\n", count: 8) + get())?.path == "/")
}

@Test func tooManyLeadingEmptyLinesAreRejected() {
    expectFailure(String(repeating: "\r\n", count: 9) + get(), .badRequest("too many empty lines before request line"))
}

@Test(arguments: ["get", "FOO", "CONNECT", "trace", "Get", "PROPFIND"])
func validTokenThatIsNotAnImplementedMethodIsNotImplemented(method: String) {
    expectFailure("\(method) / HTTP/1.1\r\nHost: a\r\n\r\n", .notImplemented)
}

@Test func authorityFormWithUnknownMethodIsNotImplemented() {
    expectFailure("CONNECT example.com:443 HTTP/1.1\r\nHost: example.com:443\r\n\r\n", .notImplemented)
}

@Test(arguments: ["G(T", "GE\"T", "G@T", "GÉT", "G{T"])
func methodWithNonTokenByteIsBadRequest(method: String) {
    expectFailure("\(method) / HTTP/1.1\r\nHost: a\r\n\r\n", .badRequest("invalid method token"))
}

@Test(arguments: [
    "GET  / HTTP/1.1", "GET / HTTP/1.1 ", " GET / HTTP/1.1", "GET /", "GET", "GET\t/\tHTTP/1.1", "GET / ",
])
func requestLineWithoutExactlySingleSpacesIsBadRequest(line: String) {
    let outcome = parseEverySplit(bytes(line + "\r\nHost: a\r\n\r\n"))
    guard case .badRequest = outcome.error else {
        Issue.record("expected 400, got \(outcome)")
        return
    }
}

@Test func http10RequestParses() {
    let request = parseOne("GET / HTTP/1.0\r\n\r\n")
    #expect(request?.version == .http10)
    #expect(request?.keepAlive == false)
}

@Test(arguments: ["HTTP/2.0", "HTTP/0.9", "HTTP/3.0", "HTTP/1.2", "HTTP/9.9"])
func wellFormedUnsupportedVersionIsVersionNotSupported(version: String) {
    expectFailure("GET / \(version)\r\nHost: a\r\n\r\n", .versionNotSupported)
}

@Test(arguments: ["http/1.1", "HTTP/1", "HTTP/1.10", "HTTP/11.1", "HTTP/1.1x", "HTTX/1.1", "HTTP/a.b", "HTTP 1.1", "HTTP/2"])
func malformedVersionIsBadRequest(version: String) {
    expectFailure("GET / \(version)\r\nHost: a\r\n\r\n", .badRequest("malformed HTTP version"))
}

@Test func requestLineAtTheLimitIsAccepted() {
    let target = "/" + String(repeating: "a", count: 8 * 1024 - "GET / HTTP/1.1".utf8.count)
    let line = "GET \(target) HTTP/1.1"
    #expect(line.utf8.count == 8 * 1024)
    #expect(feed([bytes(line + "\r\nHost: a\r\n\r\n")[...]]).requests.first?.path == target)
}

@Test func requestLineOverTheLimitIsUriTooLongEvenWithoutCRLF() throws {
    var parser = RequestParser()
    parser.append(bytes("GET /" + String(repeating: "a", count: 8 * 1024 - 5)))
    #expect(try parser.nextRequest() == nil)
    #expect(parser.hasBufferedBytes)
    parser.append(bytes("a"))
    #expect(throws: HTTPParseError.uriTooLong) { try parser.nextRequest() }
}

@Test func hugeRequestLineIsUriTooLongAtEverySplit() {
    // A CR exactly one byte past the limit is still too late.
    let line = "GET /" + String(repeating: "a", count: 8 * 1024 - 4) + "\r\n"
    let input = bytes(line)
    let whole = feed([input[...]])
    #expect(whole.error == .uriTooLong)
    for i in stride(from: 0, through: input.count, by: 97) {
        #expect(feed([input[..<i], input[i...]]) == whole)
    }
}

@Test(arguments: [
    ("GET / HTTP/1.1\nHost: a\r\n\r\n", "bare LF"),
    ("GET / HTTP/1.1\r\nHost: a\n\r\n", "bare LF"),
    ("GET / HTTP/1.1\r\nHost: a\r\n\n", "bare LF"),
    ("GET / HTTP/1.1\rHost: a\r\n\r\n", "bare CR"),
    ("GET / HTTP/1.1\r\nHost: a\r\r\n\r\n", "bare CR"),
    ("GET / HTTP/1.1\r\nHost: a\r\nX: a\rb\r\n\r\n", "bare CR"),
    ("GET /\r HTTP/1.1\r\nHost: a\r\n\r\n", "bare CR"),
    ("\nGET / HTTP/1.1\r\nHost: a\r\n\r\n", "bare LF"),
])
func bareCROrLFAnywhereInTheHeadIsBadRequest(input: String, reason: String) {
    expectFailure(input, .badRequest(reason))
}

@Test func errorIsStickyAfterAThrow() {
    var parser = RequestParser()
    parser.append(bytes("GET / HTTP/2.0\r\n\r\n"))
    #expect(throws: HTTPParseError.versionNotSupported) { try parser.nextRequest() }
    parser.append(bytes(get()))
    #expect(throws: HTTPParseError.versionNotSupported) { try parser.nextRequest() }
}
