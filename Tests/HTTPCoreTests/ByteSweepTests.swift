import Testing
@testable import HTTPCore

private let tchars = Set("!#$%&'*+-.^_`|~0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz".utf8)

@Test(arguments: 0...255)
func everyByteInAFieldNameIsAcceptedOnlyIfItIsATokenChar(value: Int) {
    let byte = UInt8(value)
    let input = bytes("GET / HTTP/1.1\r\nHost: a\r\nX") + [byte] + bytes("Y: v\r\n\r\n")
    let outcome = parseEverySplit(input)
    switch byte {
    case _ where tchars.contains(byte):
        #expect(outcome.error == nil)
        #expect(outcome.requests.first?.headers.last == "x\(Character(Unicode.Scalar(byte)).lowercased())y=v")
    case ASCII.colon:
        #expect(outcome.requests.first?.headers.last == "x=Y: v")
    case ASCII.cr:
        #expect(outcome.error == .badRequest("bare CR"))
    case ASCII.lf:
        #expect(outcome.error == .badRequest("bare LF"))
    case ASCII.space, ASCII.htab:
        #expect(outcome.error == .badRequest("whitespace before colon"))
    default:
        #expect(outcome.error == .badRequest("invalid field name"))
    }
}

@Test(arguments: 0...255)
func everyByteInAFieldValueIsAcceptedOnlyIfVisibleWhitespaceOrObsText(value: Int) {
    let byte = UInt8(value)
    let input = bytes("GET / HTTP/1.1\r\nHost: a\r\nX: a") + [byte] + bytes("b\r\n\r\n")
    let outcome = parseEverySplit(input)
    switch byte {
    case 0x09, 0x20...0x7E, 0x80...0xFF:
        #expect(outcome.error == nil)
        #expect(outcome.requests.count == 1)
    case ASCII.cr:
        #expect(outcome.error == .badRequest("bare CR"))
    case ASCII.lf:
        #expect(outcome.error == .badRequest("bare LF"))
    default:
        #expect(outcome.error == .badRequest("control character in field value"))
    }
}

@Test(arguments: 0...255)
func everyByteInATargetIsAcceptedOnlyIfVisibleASCIIOtherThanHash(value: Int) {
    let byte = UInt8(value)
    let input = bytes("GET /a") + [byte] + bytes(" HTTP/1.1\r\nHost: a\r\n\r\n")
    let outcome = feed([input[...]])
    switch byte {
    case 0x21...0x7E where byte != ASCII.hash && byte != ASCII.percent:
        #expect(outcome.error == nil)
    case ASCII.percent:
        #expect(outcome.error == .badRequest("invalid percent-encoding in path"))
    case ASCII.space:
        #expect(outcome.error == .badRequest("malformed HTTP version"))
    case ASCII.cr:
        #expect(outcome.error == .badRequest("bare CR"))
    case ASCII.lf:
        #expect(outcome.error == .badRequest("bare LF"))
    case 0x80...:
        #expect(outcome.error == .badRequest(RequestTarget.nonASCII))
    default:
        #expect(outcome.error == .badRequest("invalid character in request target"))
    }
}
