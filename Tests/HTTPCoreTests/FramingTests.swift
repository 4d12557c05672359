import Testing
@testable import HTTPCore

// MARK: Host

@Test func missingHostOnHTTP11IsBadRequest() {
    expectFailure("GET / HTTP/1.1\r\nAccept: a\r\n\r\n", .badRequest("missing Host"))
}

@Test func repeatedHostIsBadRequestEvenWhenEqual() {
    expectFailure("GET / HTTP/1.1\r\nHost: a\r\nHost: a\r\n\r\n", .badRequest("repeated Host"))
    expectFailure("GET / HTTP/1.0\r\nHost: a\r\nHost: b\r\n\r\n", .badRequest("repeated Host"))
}

@Test func hostIsOptionalOnHTTP10ButValidatedWhenPresent() {
    #expect(parseOne("GET / HTTP/1.0\r\n\r\n") != nil)
    #expect(parseOne("GET / HTTP/1.0\r\nHost: example.com\r\n\r\n") != nil)
    expectFailure("GET / HTTP/1.0\r\nHost: a/b\r\n\r\n", .badRequest("invalid Host"))
}

@Test(arguments: ["example.com", "example.com:8080", "127.0.0.1", "127.0.0.1:1", "[::1]", "[::1]:443",
                  "[2001:db8::ffff:192.0.2.1]", "xn--bcher-kva.example", "a-b_c~d", "localhost:65535", "ex%41mple"])
func validHostValueIsAccepted(host: String) {
    #expect(parseOne("GET / HTTP/1.1\r\nHost: \(host)\r\n\r\n") != nil)
}

@Test(arguments: ["", "a b", "user@host", "host/path", "host:abc", "host:", "host:65536", "host:123456", "[::1", "[zz::1]",
                  "[]", "[::1]x", "ho\"st", "host?x", "host#x", "%zz", "a:1:2", ":80"])
func invalidHostValueIsBadRequest(host: String) {
    expectFailure("GET / HTTP/1.1\r\nHost: \(host)\r\n\r\n", .badRequest("invalid Host"))
}

@Test func emptyHostIsAcceptedWithAbsoluteForm() {
    #expect(parseOne("GET http://example.com/x HTTP/1.1\r\nHost:\r\n\r\n")?.path == "/x")
}

// MARK: Content-Length

@Test func contentLengthBodyIsRead() {
    let request = parseOne("POST /bins HTTP/1.1\r\nHost: a\r\nContent-Length: 5\r\n\r\nhello")
    #expect(request?.contentLength == 5)
    #expect(request?.isChunked == false)
    #expect(request?.body == bytes("hello"))
}

@Test func zeroContentLengthMeansAnEmptyBody() {
    let request = parseOne("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 0\r\n\r\n")
    #expect(request?.contentLength == 0)
    #expect(request?.body == [])
}

@Test func contentLengthWithLeadingZerosAndOWSIsAccepted() {
    #expect(parseOne("POST / HTTP/1.1\r\nHost: a\r\nContent-Length:  003 \r\n\r\nabc")?.body == bytes("abc"))
}

@Test(arguments: ["-5", "+5", "0x5", "5, 5", "5,5", "5 5", "", "1e3", "5.0", "five", "1234567890123456789", "٥"])
func malformedContentLengthIsBadRequest(value: String) {
    expectFailure("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: \(value)\r\n\r\n", .badRequest("invalid Content-Length"))
}

@Test func eighteenDigitContentLengthIsTooLargeRatherThanMalformed() {
    expectFailure("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 999999999999999999\r\n\r\n", .payloadTooLarge)
}

@Test func repeatedContentLengthIsBadRequestEvenWhenEqual() {
    expectFailure("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 5\r\nContent-Length: 5\r\n\r\nhello",
                  .badRequest("repeated Content-Length"))
}

@Test func contentLengthWithTransferEncodingIsBadRequest() {
    expectFailure("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n",
                  .badRequest("Content-Length with Transfer-Encoding"))
    expectFailure("POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\nContent-Length: 5\r\n\r\n0\r\n\r\n",
                  .badRequest("Content-Length with Transfer-Encoding"))
}

@Test func contentLengthOverTheLimitFailsAsSoonAsTheHeadIsParsed() throws {
    var parser = RequestParser()
    parser.append(bytes("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 8388609\r\n\r\n"))
    #expect(throws: HTTPParseError.payloadTooLarge) { try parser.nextRequest() }
}

@Test func contentLengthAtTheLimitIsAccepted() {
    let request = parseOne("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 4\r\n\r\nabcd", limits: .small(body: 4))
    #expect(request?.body == bytes("abcd"))
    expectFailure("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 5\r\n\r\nabcde", .payloadTooLarge, limits: .small(body: 4))
}

@Test func pendingHeadIsAvailableWhileTheBodyArrives() throws {
    var parser = RequestParser()
    parser.append(bytes("POST /upload HTTP/1.1\r\nHost: a\r\nExpect: 100-continue\r\nContent-Length: 5\r\n\r\n"))
    #expect(try parser.nextRequest() == nil)
    let pending = try #require(parser.pendingHead)
    #expect(pending.path == "/upload")
    #expect(pending.expectsContinue)
    #expect(parser.hasBufferedBytes)
    parser.append(bytes("hel"))
    #expect(try parser.nextRequest() == nil)
    #expect(parser.pendingHead != nil)
    parser.append(bytes("lo"))
    let request = try #require(try parser.nextRequest())
    #expect(request.body == bytes("hello"))
    #expect(parser.pendingHead == nil)
    #expect(!parser.hasBufferedBytes)
}

@Test func pendingHeadIsNilForRequestsWithoutBody() throws {
    var parser = RequestParser()
    parser.append(bytes("GET / HTTP/1.1\r\nHost: a\r\nExpect: 100-continue\r\n"))
    #expect(try parser.nextRequest() == nil)
    #expect(parser.pendingHead == nil)
    parser.append(bytes("\r\n"))
    #expect(try parser.nextRequest()?.head.expectsContinue == true)
    #expect(parser.pendingHead == nil)
}

@Test func hasBufferedBytesTracksPartialRequests() throws {
    var parser = RequestParser()
    #expect(!parser.hasBufferedBytes)
    parser.append(bytes("\r\n"))
    #expect(try parser.nextRequest() == nil)
    #expect(!parser.hasBufferedBytes)
    parser.append(bytes("GE"))
    #expect(try parser.nextRequest() == nil)
    #expect(parser.hasBufferedBytes)
    parser.append(bytes("T / HTTP/1.1\r\n"))
    #expect(try parser.nextRequest() == nil)
    #expect(parser.hasBufferedBytes)
    parser.append(bytes("Host: a\r\n\r\n"))
    #expect(try parser.nextRequest() != nil)
    #expect(!parser.hasBufferedBytes)
}

// MARK: Transfer-Encoding

@Test(arguments: ["chunked", "Chunked", "CHUNKED", "  chunked\t"])
func chunkedTransferEncodingIsAcceptedCaseInsensitively(value: String) {
    let request = parseOne("POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: \(value)\r\n\r\n0\r\n\r\n")
    #expect(request?.isChunked == true)
    #expect(request?.contentLength == nil)
}

@Test(arguments: ["chunked, chunked", "chunked;q=1", "chunked,", ",chunked", "", "chunked gzip", "gzip, chunked, chunked",
                  "gzip;level=1, chunked", "chunked, , gzip"])
func aTransferEncodingThatIsNotACleanListWithChunkedOnceIsBadRequest(value: String) {
    expectFailure("POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: \(value)\r\n\r\n0\r\n\r\n",
                  .badRequest("unsupported Transfer-Encoding"))
}

/// RFC 9112 §6.1: a coding the server does not implement is 501, not 400.
@Test(arguments: [("gzip", "gzip"), ("deflate, chunked", "deflate"), ("GZIP, chunked", "gzip"), ("identity", "identity"),
                  ("chunked, gzip", "gzip"), ("compress", "compress")])
func aTransferCodingOtherThanChunkedIsNotImplemented(value: String, coding: String) {
    expectFailure("POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: \(value)\r\n\r\n0\r\n\r\n",
                  .transferCodingNotImplemented(coding))
    #expect(HTTPParseError.transferCodingNotImplemented(coding).status == 501)
}

@Test func anUnimplementedCodingWithContentLengthIsStillBadRequest() {
    expectFailure("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 5\r\nTransfer-Encoding: gzip, chunked\r\n\r\n0\r\n\r\n",
                  .badRequest("Content-Length with Transfer-Encoding"))
    expectFailure("POST / HTTP/1.0\r\nTransfer-Encoding: gzip\r\n\r\n0\r\n\r\n", .badRequest("Transfer-Encoding in HTTP/1.0"))
}

@Test func twoTransferEncodingFieldsAreBadRequest() {
    expectFailure("POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n",
                  .badRequest("unsupported Transfer-Encoding"))
}

@Test func transferEncodingOnHTTP10IsBadRequest() {
    expectFailure("POST / HTTP/1.0\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n", .badRequest("Transfer-Encoding in HTTP/1.0"))
}

// MARK: Connection

@Test(arguments: [
    ("HTTP/1.1", "", true),
    ("HTTP/1.1", "Connection: close\r\n", false),
    ("HTTP/1.1", "Connection: Keep-Alive, CLOSE\r\n", false),
    ("HTTP/1.1", "Connection: upgrade,close\r\n", false),
    ("HTTP/1.1", "Connection: keep-alive\r\n", true),
    ("HTTP/1.1", "Connection: closed\r\n", true),
    ("HTTP/1.1", "Connection: keep-alive\r\nConnection: close\r\n", false),
    ("HTTP/1.0", "", false),
    ("HTTP/1.0", "Connection: keep-alive\r\n", true),
    ("HTTP/1.0", "Connection: Keep-Alive\r\n", true),
    ("HTTP/1.0", "Connection: keep-alive, close\r\n", false),
    ("HTTP/1.0", "Connection: , keep-alive ,\r\n", true),
])
func connectionFieldAndVersionDecideKeepAlive(version: String, headers: String, keepAlive: Bool) {
    #expect(parseOne("GET / \(version)\r\nHost: a\r\n\(headers)\r\n")?.keepAlive == keepAlive)
}

// MARK: Expect

@Test(arguments: ["100-continue", "100-Continue", "100-CONTINUE"])
func expect100ContinueIsRecognisedCaseInsensitively(value: String) {
    let request = parseOne("POST / HTTP/1.1\r\nHost: a\r\nExpect: \(value)\r\nContent-Length: 1\r\n\r\nx")
    #expect(request?.expectsContinue == true)
}

@Test(arguments: ["foo", "100-continue, foo", "200-ok", "", "100-continuee"])
func anyOtherExpectationIsExpectationFailed(value: String) {
    expectFailure("POST / HTTP/1.1\r\nHost: a\r\nExpect: \(value)\r\nContent-Length: 1\r\n\r\nx", .expectationFailed)
}

@Test func expect100ContinueFromHTTP10IsIgnored() {
    #expect(parseOne("POST / HTTP/1.0\r\nExpect: 100-continue\r\nContent-Length: 1\r\n\r\nx")?.expectsContinue == false)
}

@Test func expectationFailedHasStatus417() {
    #expect(HTTPParseError.expectationFailed.status == 417)
}
