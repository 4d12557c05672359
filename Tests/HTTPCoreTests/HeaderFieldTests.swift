import Testing
@testable import HTTPCore

@Test func headersKeepOrderLowerCaseNamesRepeatsAndTrimmedValues() {
    let request = parseOne(get(headers: "Accept: a\r\nX-Tag:  one \t\r\nx-tag:two\r\nX-Empty:\r\nX-Spaces:   \r\n"))
    #expect(request?.headers == ["host=example.com", "accept=a", "x-tag=one", "x-tag=two", "x-empty=", "x-spaces="])
}

@Test func valueKeepsInnerWhitespace() {
    #expect(parseOne(get(headers: "X: a \t b\r\n"))?.headers.last == "x=a \t b")
}

@Test func colonInsideValueBelongsToTheValue() {
    #expect(parseOne(get(headers: "X-Time: 12:30:00\r\n"))?.headers.last == "x-time=12:30:00")
}

@Test func obsTextInValueIsAcceptedAndDecodedLeniently() {
    var input = bytes(get(headers: "X: caf\r\n"))
    input.insert(0xE9, at: input.count - 4)  // Latin-1 é, invalid as UTF-8
    let outcome = parseEverySplit(input)
    #expect(outcome.requests.first?.headers.last == "x=caf\u{FFFD}")
}

@Test func utf8InValueIsKept() {
    #expect(parseOne(get(headers: "X-Name: Gënt 垃圾\r\n"))?.headers.last == "x-name=Gënt 垃圾")
}

@Test(arguments: [
    "GET / HTTP/1.1\r\nHost: a\r\nX: b\r\n  folded\r\n\r\n",
    "GET / HTTP/1.1\r\nHost: a\r\nX: b\r\n\tfolded\r\n\r\n",
    "GET / HTTP/1.1\r\n Host: a\r\n\r\n",
    "GET / HTTP/1.1\r\n\tHost: a\r\n\r\n",
])
func obsFoldOrWhitespaceBeforeFirstFieldIsBadRequest(input: String) {
    expectFailure(input, .badRequest("obsolete line folding"))
}

@Test(arguments: ["Host : a", "Host\t: a", "Content-Length : 5", "X Y: z"])
func whitespaceBetweenNameAndColonIsBadRequest(line: String) {
    expectFailure("GET / HTTP/1.1\r\n\(line)\r\nHost: a\r\n\r\n", .badRequest("whitespace before colon"))
}

@Test func fieldLineWithoutColonIsBadRequest() {
    expectFailure(get(headers: "NoColonHere\r\n"), .badRequest("field line without colon"))
}

@Test func emptyFieldNameIsBadRequest() {
    expectFailure(get(headers: ": value\r\n"), .badRequest("empty field name"))
}

@Test(arguments: ["X(Y", "X\"Y", "X/Y", "X[Y", "X{Y", "X=Y", "X@Y", "Ä"])
func nonTokenByteInFieldNameIsBadRequest(name: String) {
    expectFailure(get(headers: "\(name): v\r\n"), .badRequest("invalid field name"))
}

@Test func hundredFieldsAreAcceptedAndOneMoreIsTooLarge() {
    let ninetyNine = (1...99).map { "X-\($0): v\r\n" }.joined()
    #expect(parseOne(get(headers: ninetyNine))?.headers.count == 100)
    expectFailure(get(headers: ninetyNine + "X-100: v\r\n"), .headerFieldsTooLarge)
}

@Test func headerSectionExactlyAtTheByteLimitIsAccepted() {
    // "Host: example.com\r\n" (19) + "X: 123456789\r\n" (14) + "\r\n" (2) = 35 bytes.
    let input = "GET / HTTP/1.1\r\nHost: example.com\r\nX: 123456789\r\n\r\n"
    #expect(parseOne(input, limits: .small(headerBytes: 35)) != nil)
    expectFailure(input, .headerFieldsTooLarge, limits: .small(headerBytes: 34))
}

@Test func oversizedFieldIsRejectedBeforeItsCRLFArrives() throws {
    var parser = RequestParser()
    parser.append(bytes("GET / HTTP/1.1\r\nHost: a\r\nX-Big: "))
    #expect(try parser.nextRequest() == nil)
    parser.append([UInt8](repeating: 0x61, count: 64 * 1024 - 30))
    #expect(try parser.nextRequest() == nil)
    parser.append([UInt8](repeating: 0x61, count: 64))
    #expect(throws: HTTPParseError.headerFieldsTooLarge) { try parser.nextRequest() }
}

@Test func millionHeaderFloodEndsWith431AfterAFewHundredBytes() {
    let line = bytes("X-Flood: 1\r\n")
    var parser = RequestParser()
    parser.append(bytes("GET / HTTP/1.1\r\nHost: a\r\n"))
    var sentLines = 0
    var failure: HTTPParseError?
    let chunk = Array([[UInt8]](repeating: line, count: 64).joined())
    while sentLines < 1_000_000 && failure == nil {
        parser.append(chunk)
        sentLines += 64
        do { _ = try parser.nextRequest() } catch { failure = error }
    }
    #expect(failure == .headerFieldsTooLarge)
    #expect(sentLines <= 128)
    #expect(parser.retainedCapacity < 16 * 1024)
}

@Test func floodOfFieldsTrickledInIsRejectedWithBoundedBuffering() throws {
    // Fed line by line, consumed lines must not accumulate in the parser.
    var parser = RequestParser(limits: .small(headerCount: 1_000_000))
    parser.append(bytes("GET / HTTP/1.1\r\nHost: a\r\n"))
    var failure: HTTPParseError?
    for _ in 0..<20_000 where failure == nil {
        parser.append(bytes("X: 1\r\n"))
        do { _ = try parser.nextRequest() } catch { failure = error }
    }
    // 64 KiB / 6 bytes per line: the byte limit trips long before 20,000 lines.
    #expect(failure == .headerFieldsTooLarge)
    #expect(parser.retainedCapacity < 4096)
}
