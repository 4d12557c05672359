import Testing
@testable import HTTPCore

private func chunked(_ body: String, version: String = "HTTP/1.1") -> String {
    "POST /upload \(version)\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n" + body
}

@Test func chunkedBodyIsDechunked() {
    let request = parseOne(chunked("5\r\nhello\r\n6\r\n world\r\n0\r\n\r\n"))
    #expect(request?.body == bytes("hello world"))
    #expect(request?.isChunked == true)
    #expect(request?.contentLength == nil)
    #expect(request?.trailers == [])
}

@Test func chunkSizeIsHexadecimalInEitherCase() {
    let ten = "0123456789"
    #expect(parseOne(chunked("A\r\n\(ten)\r\na\r\n\(ten)\r\n0\r\n\r\n"))?.body.count == 20)
    #expect(parseOne(chunked("000A\r\n\(ten)\r\n0000\r\n\r\n"))?.body == bytes(ten))
}

@Test func emptyChunkedBodyIsJustTheLastChunk() {
    #expect(parseOne(chunked("0\r\n\r\n"))?.body == [])
}

@Test func chunkDataMayContainCRLFAndBinary() {
    var input = bytes(chunked("4\r\n"))
    input += [0x0D, 0x0A, 0x00, 0xFF]
    input += bytes("\r\n0\r\n\r\n")
    #expect(parseEverySplit(input).requests.first?.body == [0x0D, 0x0A, 0x00, 0xFF])
}

@Test(arguments: [
    "5;name=value\r\nhello\r\n0\r\n\r\n",
    "5;a\r\nhello\r\n0\r\n\r\n",
    "5 ; a = b ; c\r\nhello\r\n0\r\n\r\n",
    "5;a=\"quoted \\\" str;=\"\r\nhello\r\n0\r\n\r\n",
    "5;a=b;c=d\r\nhello\r\n0;last=yes\r\n\r\n",
    "5\t;\ta\t=\t\"\"\r\nhello\r\n0\r\n\r\n",
])
func chunkExtensionsAreAcceptedAndIgnored(body: String) {
    #expect(parseOne(chunked(body))?.body == bytes("hello"))
}

@Test func trailersAreStoredSeparatelyFromHeaders() {
    let request = parseOne(chunked("5\r\nhello\r\n0\r\nX-Checksum: abc\r\nX-Other:  1 \r\n\r\n"))
    #expect(request?.trailers == ["x-checksum=abc", "x-other=1"])
    #expect(request?.headers == ["host=a", "transfer-encoding=chunked"])
}

@Test(arguments: [
    ("0\r\n X: a\r\n\r\n", "obsolete line folding"),
    ("0\r\nX : a\r\n\r\n", "whitespace before colon"),
    ("0\r\nX(: a\r\n\r\n", "invalid field name"),
    ("0\r\nX: a\u{01}\r\n\r\n", "control character in field value"),
    ("0\r\nX: a\n\r\n", "bare LF"),
    ("0\r\nno colon\r\n\r\n", "field line without colon"),
])
func invalidTrailerFieldIsBadRequest(body: String, reason: String) {
    expectFailure(chunked(body), .badRequest(reason))
}

@Test func trailerFieldsCountTowardTheFieldLimit() {
    // Host and Transfer-Encoding use two of three fields.
    #expect(parseOne(chunked("0\r\nX: 1\r\n\r\n"), limits: .small(headerCount: 3))?.trailers == ["x=1"])
    expectFailure(chunked("0\r\nX: 1\r\nY: 2\r\n\r\n"), .headerFieldsTooLarge, limits: .small(headerCount: 3))
}

@Test func trailerBytesCountTowardTheHeaderByteLimit() {
    // Header section: "Host: a\r\n" (9) + "Transfer-Encoding: chunked\r\n" (28) + "\r\n" (2) = 39.
    let trailers = "0\r\nX: 123\r\n\r\n"  // trailer section: 8 + 2 = 10
    #expect(parseOne(chunked(trailers), limits: .small(headerBytes: 49)) != nil)
    expectFailure(chunked(trailers), .headerFieldsTooLarge, limits: .small(headerBytes: 48))
}

@Test(arguments: [
    ("\r\nhello\r\n0\r\n\r\n", "invalid chunk size"),
    (" 5\r\nhello\r\n0\r\n\r\n", "invalid chunk size"),
    ("-5\r\nhello\r\n0\r\n\r\n", "invalid chunk size"),
    ("+5\r\nhello\r\n0\r\n\r\n", "invalid chunk size"),
    ("g\r\nhello\r\n0\r\n\r\n", "invalid chunk size"),
    ("5 \r\nhello\r\n0\r\n\r\n", "invalid chunk extension"),
    ("0x5\r\nhello\r\n0\r\n\r\n", "invalid chunk extension"),
    ("5;\r\nhello\r\n0\r\n\r\n", "invalid chunk extension"),
    ("5;=x\r\nhello\r\n0\r\n\r\n", "invalid chunk extension"),
    ("5;a=\r\nhello\r\n0\r\n\r\n", "invalid chunk extension"),
    ("5;a b\r\nhello\r\n0\r\n\r\n", "invalid chunk extension"),
    ("5;a \r\nhello\r\n0\r\n\r\n", "invalid chunk extension"),
    ("5;a=\"x\"y\r\nhello\r\n0\r\n\r\n", "invalid chunk extension"),
    ("5;a=\"unterminated\r\nhello\r\n0\r\n\r\n", "invalid quoted string in chunk extension"),
    ("5,5\r\nhello\r\n0\r\n\r\n", "invalid chunk extension"),
    ("00000000000000005\r\nhello\r\n0\r\n\r\n", "chunk size too long"),
    ("10000000000000000\r\nhello\r\n0\r\n\r\n", "chunk size too long"),
    ("FFFFFFFFFFFFFFFF\r\nhello\r\n0\r\n\r\n", "chunk size overflows"),
    ("8000000000000000\r\nhello\r\n0\r\n\r\n", "chunk size overflows"),
    ("5\nhello\r\n0\r\n\r\n", "bare LF"),
    ("5\rhello\r\n0\r\n\r\n", "bare CR"),
])
func chunkedBodyWithInvalidSizeLineIsRejected(body: String, reason: String) {
    expectFailure(chunked(body), .badRequest(reason))
}

@Test func hugeButWellFormedChunkSizeIsPayloadTooLarge() {
    expectFailure(chunked("7FFFFFFFFFFFFFFF\r\nhello"), .payloadTooLarge)
}

@Test func chunkSizeLineOverOneKibibyteIsBadRequest() {
    let longExtension = "1;" + String(repeating: "a", count: 1100) + "\r\nx\r\n0\r\n\r\n"
    expectFailure(chunked(longExtension), .badRequest("chunk size line too long"))
}

@Test(arguments: ["5\r\nhelloX\r\n0\r\n\r\n", "5\r\nhello\n0\r\n\r\n", "5\r\nhello\rX0\r\n\r\n", "3\r\nhello\r\n0\r\n\r\n"])
func chunkDataNotFollowedByCRLFIsBadRequest(body: String) {
    expectFailure(chunked(body), .badRequest("chunk data not followed by CRLF"))
}

@Test func missingFinalCRLFAfterLastChunkLeavesTheRequestIncomplete() {
    let outcome = parseEverySplit(bytes(chunked("5\r\nhello\r\n0\r\n")))
    #expect(outcome.requests.isEmpty)
    #expect(outcome.error == nil)
    #expect(outcome.pendingHead)
}

@Test func chunkedBodyOverTheLimitFailsOnTheSizeLineBeforeItsData() throws {
    var parser = RequestParser(limits: .small(body: 8))
    parser.append(bytes(chunked("5\r\nhello\r\n")))
    #expect(try parser.nextRequest() == nil)
    parser.append(bytes("4\r\n"))
    #expect(throws: HTTPParseError.payloadTooLarge) { try parser.nextRequest() }
}

@Test func chunkedBodyExactlyAtTheLimitIsAccepted() {
    #expect(parseOne(chunked("5\r\nhello\r\n3\r\nabc\r\n0\r\n\r\n"), limits: .small(body: 8))?.body.count == 8)
}

@Test func pendingHeadIsSetForChunkedBodyInProgress() throws {
    var parser = RequestParser()
    parser.append(bytes("POST / HTTP/1.1\r\nHost: a\r\nExpect: 100-continue\r\nTransfer-Encoding: chunked\r\n\r\n"))
    #expect(try parser.nextRequest() == nil)
    #expect(parser.pendingHead?.isChunked == true)
    #expect(parser.pendingHead?.expectsContinue == true)
    parser.append(bytes("3\r\nabc\r\n0\r\n\r\n"))
    #expect(try parser.nextRequest()?.body == bytes("abc"))
    #expect(parser.pendingHead == nil)
}
