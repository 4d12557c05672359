import Testing
@testable import JSON

/// The messages end up in problem+json `detail`, so they must name the problem and the place.
struct ParseErrorTests {
    private func failure(_ json: String) -> JSONParseError? {
        failure(Array(json.utf8))
    }

    private func failure(_ bytes: [UInt8]) -> JSONParseError? {
        do {
            _ = try JSONValue.parse(bytes)
            return nil
        } catch {
            return error
        }
    }

    @Test func unexpectedCharactersAreNamedWithLineAndColumn() {
        let error = failure(#"{"a":x}"#)
        #expect(error?.message == "unexpected character 'x' at line 1, column 6")
        #expect(error?.offset == 5)
    }

    @Test func linesAndColumnsCountScalarsAfterNewlines() {
        let error = failure("{\n  \"名称\": tru }")
        #expect(error?.line == 2)
        #expect(error?.column == 12)
        #expect(error?.message == "unexpected character U+0020 at line 2, column 12")
    }

    @Test func invalidUTF8IsReportedByByteOffset() {
        let error = failure([0x7B, 0x22, 0x61, 0x22, 0x3A, 0x22, 0x61, 0x62, 0x63, 0x64, 0x65, 0x66, 0xFF, 0x22, 0x7D])
        #expect(error?.message == "invalid UTF-8 at byte 12")
    }

    @Test func duplicateKeysAreRejectedAndNamed() {
        let error = failure(#"{"name":"a","name":"b"}"#)
        #expect(error?.reason == .duplicateKey)
        #expect(error?.message == #"duplicate key "name" at line 1, column 13"#)
    }

    @Test func deepNestingNamesTheLimit() {
        let error = failure(String(repeating: "[", count: 100))
        #expect(error?.message == "nesting deeper than 64 at line 1, column 65")
    }

    @Test func controlCharactersAreShownAsCodePoints() {
        let error = failure("[\"a\u{1}\"]")
        #expect(error?.message == "unescaped control character U+0001 in string at line 1, column 4")
    }

    @Test func trailingCommasSaySo() {
        #expect(failure("[1,]")?.message == "trailing comma before ']' at line 1, column 4")
        #expect(failure(#"{"a":1 ,}"#)?.message == "trailing comma before '}' at line 1, column 9")
    }

    @Test func leadingZerosSaySo() {
        #expect(failure("[01]")?.message == "invalid number: leading zeros are not allowed at line 1, column 3")
    }

    @Test func trailingContentSaysSo() {
        #expect(failure("{} {}")?.message == "unexpected character '{' after the JSON value at line 1, column 4")
    }

    @Test func loneSurrogatesSaySo() {
        #expect(failure(#"["\uD83D"]"#)?.message == #"lone high surrogate \uD83D at line 1, column 3"#)
    }

    @Test func endOfInputSaysSo() {
        #expect(failure(#"{"a":"#)?.message == "unexpected end of input at line 1, column 6")
    }

    @Test func nonASCIICharactersOutsideStringsAreShown() {
        #expect(failure("[中]")?.message == "unexpected character '中' at line 1, column 2")
    }

    @Test func hostileDuplicateKeysAreShortenedInTheMessage() {
        let key = String(repeating: "k", count: 1000)
        let error = failure("{\"\(key)\":1,\"\(key)\":2}")
        #expect((error?.message.count ?? 0) < 120)
    }
}
