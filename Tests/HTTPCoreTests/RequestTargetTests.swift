import Testing
@testable import HTTPCore

@Test(arguments: [
    ("/", "/", nil),
    ("/a/b?x=1&y=2", "/a/b", "x=1&y=2"),
    ("/a?", "/a", ""),
    ("/a?b?c", "/a", "b?c"),
    ("/a/./b/../c", "/a/c", nil),
    ("/..", "/", nil),
    ("/../../etc/passwd", "/etc/passwd", nil),
    ("/a/b/..", "/a/", nil),
    ("/a/.", "/a/", nil),
    ("/a//b", "/a//b", nil),
    ("/...", "/...", nil),
    ("/%2e%2e/etc", "/etc", nil),
    ("/a/%2E%2E/b", "/b", nil),
    ("/a/%2e/b", "/a/b", nil),
    ("/caf%C3%A9", "/café", nil),
    ("/%E5%9E%83", "/垃", nil),
    ("/a%2Fb", "/a/b", nil),
    ("/a%2F..%2Fb", "/b", nil),
    ("/a+b", "/a+b", nil),
    ("/a%20b", "/a b", nil),
    ("/s?q=%zz", "/s", "q=%zz"),
    ("/s?q=a+b%20c", "/s", "q=a+b%20c"),
    ("/~user/!$&'()*+,;=:@", "/~user/!$&'()*+,;=:@", nil),
] as [(String, String, String?)])
func originFormTargetYieldsDecodedNormalisedPathAndRawQuery(target: String, path: String, query: String?) {
    let request = parseOne(get(target))
    #expect(request?.target == target)
    #expect(request?.path == path)
    #expect(request?.query == query)
}

@Test(arguments: [
    ("http://example.com/x?y", "/x", "y"),
    ("HTTP://example.com", "/", nil),
    ("HtTpS://example.com:8443?q", "/", "q"),
    ("https://example.com/a/../b", "/b", nil),
    ("http://[::1]:80/p", "/p", nil),
    ("http://127.0.0.1:8080/", "/", nil),
] as [(String, String, String?)])
func absoluteFormTargetTakesPathAndQueryFromTheURI(target: String, path: String, query: String?) {
    let request = parseOne(get(target))
    #expect(request?.target == target)
    #expect(request?.path == path)
    #expect(request?.query == query)
}

@Test func asteriskFormIsAcceptedWithOptions() {
    let request = parseOne("OPTIONS * HTTP/1.1\r\nHost: a\r\n\r\n")
    #expect(request?.path == "*")
    #expect(request?.query == nil)
}

@Test func asteriskFormWithOtherMethodIsBadRequest() {
    expectFailure("GET * HTTP/1.1\r\nHost: a\r\n\r\n", .badRequest("asterisk-form is only allowed with OPTIONS"))
}

@Test(arguments: ["a/b", "example.com", "ftp://example.com/", "http:/x", "mailto:x", "example.com:80"])
func targetWithoutLeadingSlashOrHttpSchemeIsBadRequest(target: String) {
    expectFailure(get(target), .badRequest("invalid request target"))
}

@Test(arguments: ["/a#frag", "/a\u{01}", "/a\u{7F}", "/a\u{1B}b", "/#"])
func targetWithFragmentOrControlByteIsBadRequest(target: String) {
    expectFailure(get(target), .badRequest("invalid character in request target"))
}

/// Raw UTF-8 (`?q=人民` typed into a tool that does not encode) is refused with advice.
@Test(arguments: ["/é", "/v1/institutions?q=人民", "/a\u{80}", "http://a/人"])
func targetWithRawNonASCIIBytesIsBadRequestSayingToPercentEncode(target: String) {
    expectFailure(get(target), .badRequest(RequestTarget.nonASCII))
    #expect(RequestTarget.nonASCII.contains("percent-encode"))
}

@Test(arguments: ["/%00", "/a%00b", "/%zz", "/%4", "/%", "/%2", "/%G0"])
func pathWithInvalidEscapeOrNulIsBadRequest(target: String) {
    expectFailure(get(target), .badRequest("invalid percent-encoding in path"))
}

@Test(arguments: ["/%FF", "/%C3", "/%C3%28", "/%ED%A0%80", "/%FF/../a"])
func pathDecodingToInvalidUTF8IsBadRequest(target: String) {
    expectFailure(get(target), .badRequest("path is not valid UTF-8"))
}

@Test(arguments: ["http://user@host/", "http:///x", "http://ho%zzst/", "http://host:99999/", "http://host:/", "http://[zz]/", "https://"])
func absoluteFormWithInvalidAuthorityIsBadRequest(target: String) {
    expectFailure(get(target), .badRequest("invalid authority in request target"))
}

@Test(arguments: [
    ("/", "/"), ("/a/b/c/./../../g", "/a/g"), ("/a/..", "/"), ("/a/../", "/"), ("/./", "/"),
    ("/.", "/"), ("/a/b/../../..", "/"), ("/mid/content=5/../6", "/mid/6"), ("/.a/..b/", "/.a/..b/"),
])
func dotSegmentRemovalFollowsRFC3986(input: String, expected: String) {
    let result = Array(input.utf8).withUnsafeBufferPointer { DotSegments.remove($0) }
    #expect(String(decoding: result, as: UTF8.self) == expected)
}
