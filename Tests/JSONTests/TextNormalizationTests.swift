import Testing
@testable import JSON

/// Every text field: trimmed, NFC, no control or format characters (docs/API.md, Conventions; issue 13, F4).
@Suite struct TextNormalizationTests {
    func read(_ value: String, key: String = "name") -> (String?, [FieldError]) {
        var reader = JSONFieldReader(JSONObject([(key, .string(value))]), allowedKeys: [key])
        let text = reader.string(key, minLength: 1, maxLength: 100)
        return (text, reader.errors)
    }

    @Test func endsAreTrimmedIncludingIdeographicSpace() {
        #expect(read("  尖山区委 ").0 == "尖山区委")
        #expect(read("\u{3000}尖山区委\u{3000}").0 == "尖山区委")
        #expect(read(" JS-0004 ").0 == "JS-0004")
        #expect(read("   ").1.first?.code == FieldError.Code.tooShort)
    }

    @Test func textIsPutInNFC() {
        let decomposed = "Cafe\u{301}"
        let read = read(decomposed).0
        #expect(read?.unicodeScalars.count == 4)
        #expect(read?.unicodeScalars.map(\.value) == "Café".unicodeScalars.map(\.value))
    }

    @Test(arguments: ["a\u{200B}b", "a\u{0000}b", "\u{202E}evil", "x\u{FEFF}", "a\u{2028}b", "a\nb", "a\tb", "a\rb",
                      "\u{1B}[31m", "a\u{200D}b", "a\u{2066}b"])
    func controlAndFormatCharactersAreRefused(_ text: String) {
        let (value, errors) = read(text)
        #expect(value == nil)
        #expect(errors.map(\.field) == ["name"])
        #expect(errors.first?.message.contains("U+") == true)
    }

    @Test func freeTextMayHoldLineFeedsAndTabsButNotNULOrCR() {
        #expect(read("第一行\n\t第二行", key: "note").0 == "第一行\n\t第二行")
        #expect(read("a\u{0000}b", key: "note").0 == nil)
        #expect(read("a\r\nb", key: "note").0 == nil)
        #expect(read("a\u{202E}b", key: "description").0 == nil)
    }

    @Test func plainASCIIIsReturnedUnchanged() {
        #expect(read("JS-0004").0 == "JS-0004")
        #expect(read("a b").0 == "a b")
    }

    @Test func passwordsAreReadRaw() {
        var reader = JSONFieldReader(JSONObject([("password", .string(" pass\u{200B}word "))]), allowedKeys: ["password"])
        #expect(reader.rawString("password") == " pass\u{200B}word ")
        #expect(reader.isValid)
    }

    @Test func arrayElementsAreNormalisedToo() {
        var reader = JSONFieldReader(JSONObject([("tags", .array([.string(" a "), .string("b\u{200B}")]))]), allowedKeys: ["tags"])
        let tags = reader.array("tags") { $0.string() }
        #expect(tags == nil)
        #expect(reader.errors.map(\.field) == ["tags[1]"])
    }
}
