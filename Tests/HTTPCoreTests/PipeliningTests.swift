import Testing
@testable import HTTPCore

@Test func threePipelinedRequestsComeOutInOrder() {
    let input = "GET /one HTTP/1.1\r\nHost: a\r\n\r\n"
        + "POST /two HTTP/1.1\r\nHost: a\r\nContent-Length: 3\r\n\r\nabc"
        + "PUT /three HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n2\r\nxy\r\n0\r\n\r\n"
    let outcome = parseEverySplit(bytes(input))
    #expect(outcome.error == nil)
    #expect(outcome.requests.map(\.path) == ["/one", "/two", "/three"])
    #expect(outcome.requests.map(\.body) == [[], bytes("abc"), bytes("xy")])
    #expect(!outcome.pendingHead)
}

@Test func requestFollowedByHalfOfAnotherKeepsTheRest() throws {
    var parser = RequestParser()
    parser.append(bytes("GET /first HTTP/1.1\r\nHost: a\r\n\r\nGET /sec"))
    #expect(try parser.nextRequest()?.path == "/first")
    #expect(try parser.nextRequest() == nil)
    #expect(parser.hasBufferedBytes)
    parser.append(bytes("ond HTTP/1.1\r\nHost: a\r\n\r\n"))
    #expect(try parser.nextRequest()?.path == "/second")
    #expect(try parser.nextRequest() == nil)
    #expect(!parser.hasBufferedBytes)
}

@Test func validRequestBeforeAnInvalidOneIsStillDelivered() {
    let outcome = parseEverySplit(bytes(get("/ok") + "GET / HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n"))
    #expect(outcome.requests.map(\.path) == ["/ok"])
    #expect(outcome.error == .badRequest("repeated Host"))
}

@Test func emptyLineBetweenPipelinedRequestsIsIgnored() {
    let outcome = parseEverySplit(bytes("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 1\r\n\r\nx\r\n" + get("/next")))
    #expect(outcome.requests.map(\.path) == ["/", "/next"])
}

@Test func thousandsOfPipelinedRequestsInOddChunksAllParse() throws {
    var stream: [UInt8] = []
    for i in 0..<3000 {
        stream += bytes("POST /r\(i) HTTP/1.1\r\nHost: a\r\nContent-Length: 4\r\n\r\nbody")
    }
    var parser = RequestParser()
    var paths: [String] = []
    var offset = 0
    while offset < stream.count {
        let end = min(stream.count, offset + 1237)
        parser.append(Array(stream[offset..<end]))
        offset = end
        while let request = try parser.nextRequest() { paths.append(request.path) }
    }
    #expect(paths.count == 3000)
    #expect(paths.last == "/r2999")
    #expect(!parser.hasBufferedBytes)
}

@Test func appendAcceptsRawBufferPointers() throws {
    var parser = RequestParser()
    bytes(get("/raw")).withUnsafeBytes { parser.append($0) }
    #expect(try parser.nextRequest()?.path == "/raw")
}

@Test func unboundedLimitsDoNotOverflow() {
    var limits = HTTPLimits()
    limits.maxRequestLineBytes = .max
    limits.maxHeaderBytes = .max
    limits.maxHeaderCount = .max
    limits.maxBodyBytes = .max
    let outcome = parseEverySplit(bytes("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 2\r\n\r\nok"), limits: limits)
    #expect(outcome.requests.first?.body == bytes("ok"))
}

@Test func bufferIsReleasedAfterALargeBody() throws {
    var parser = RequestParser()
    parser.append(bytes("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 200000\r\n\r\n"))
    parser.append([UInt8](repeating: 0x41, count: 200_000))
    #expect(try parser.nextRequest()?.body.count == 200_000)
    parser.append(bytes(get("/next")))
    #expect(try parser.nextRequest()?.path == "/next")
    #expect(parser.retainedCapacity < 64 * 1024)
}
