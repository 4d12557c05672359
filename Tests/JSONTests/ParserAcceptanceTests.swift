import Testing
@testable import JSON

/// Documents every strict parser must accept, in the spirit of JSONTestSuite's `y_` cases.
struct ParserAcceptanceTests {
    static let accepted: [(name: String, json: String, expected: JSONValue)] = [
        ("y_empty_array", "[]", []),
        ("y_empty_object", "{}", [:]),
        ("y_nested_empty", "[[],{}]", [[], [:]]),
        ("y_top_level_string", "\"abc\"", "abc"),
        ("y_top_level_number", "42", 42),
        ("y_top_level_true", "true", true),
        ("y_top_level_false", " false ", false),
        ("y_top_level_null", "null", nil),
        ("y_surrounding_whitespace", " \t\r\n[1]\n ", [1]),
        ("y_number_zero", "[0]", [.number(JSONNumber(validatedText: "0"))]),
        ("y_number_negative_zero", "[-0]", [.number(JSONNumber(validatedText: "-0"))]),
        ("y_number_fraction", "[1.25]", [.number(JSONNumber(validatedText: "1.25"))]),
        ("y_number_exponent", "[1E+2]", [.number(JSONNumber(validatedText: "1E+2"))]),
        ("y_number_negative_exponent", "[-1.5e-10]", [.number(JSONNumber(validatedText: "-1.5e-10"))]),
        ("y_number_exponent_leading_zero", "[1e007]", [.number(JSONNumber(validatedText: "1e007"))]),
        ("y_number_huge_exponent", "[1e999999]", [.number(JSONNumber(validatedText: "1e999999"))]),
        ("y_string_escapes", #"["\"\\\/\b\f\n\r\t"]"#, ["\"\\/\u{08}\u{0C}\n\r\t"]),
        ("y_string_unicode_escape", #"["\u0041\u00e9\u4e2d"]"#, ["Aé中"]),
        ("y_string_surrogate_pair", #"["\uD83D\uDE00"]"#, ["😀"]),
        ("y_string_escaped_nul", #"["a\u0000b"]"#, ["a\u{0}b"]),
        ("y_string_raw_utf8", "[\"垃圾分类 ✓ 😀\"]", ["垃圾分类 ✓ 😀"]),
        ("y_string_del_unescaped", "[\"\u{7F}\"]", ["\u{7F}"]),
        ("y_string_u2028_raw", "[\"\u{2028}\"]", ["\u{2028}"]),
        ("y_object_members", #"{"a":1,"b":[true,null],"c":{"d":"e"}}"#, ["a": 1, "b": [true, nil], "c": ["d": "e"]]),
        ("y_object_whitespace", "{ \"a\" : 1 , \"b\" : 2 }", ["a": 1, "b": 2]),
        ("y_object_empty_key", #"{"":0}"#, ["": 0]),
        ("y_object_keys_differ_by_case", #"{"a":1,"A":2}"#, ["a": 1, "A": 2]),
        ("y_utf8_bom_skipped", "\u{FEFF}{\"a\":1}", ["a": 1]),
    ]

    @Test(arguments: accepted.indices)
    func strictDocumentsAreAccepted(_ index: Int) throws {
        let testCase = Self.accepted[index]
        let value = try JSONValue.parse(Array(testCase.json.utf8))
        #expect(value == testCase.expected, "\(testCase.name)")
    }

    @Test func numbersKeepTheirLiteralText() throws {
        let value = try JSONValue.parse("[1.50, -0, 1E+2, 100]")
        let texts = value.arrayValue?.compactMap { $0.numberValue?.text }
        #expect(texts == ["1.50", "-0", "1E+2", "100"])
    }

    @Test func nestingUpToTheLimitIsAccepted() throws {
        let json = String(repeating: "[", count: 64) + String(repeating: "]", count: 64)
        #expect(throws: Never.self) { try JSONValue.parse(json) }
    }

    @Test func objectsKeepMemberOrder() throws {
        let value = try JSONValue.parse(#"{"z":1,"a":2,"m":3}"#)
        #expect(value.objectValue?.keys == ["z", "a", "m"])
    }

    @Test func everyInputFormParsesTheSameDocument() throws {
        let json = #"{"name":"垃圾","weight_kg":1.234}"#
        let bytes = Array(json.utf8)
        let fromArray = try JSONValue.parse(bytes)
        let fromSlice = try JSONValue.parse(bytes[...])
        let fromString = try JSONValue.parse(json)
        let fromRaw = try bytes.withUnsafeBytes { (raw) throws(JSONParseError) -> JSONValue in try JSONValue.parse(raw) }
        let fromNonContiguous = try JSONValue.parse(bytes.lazy.map { $0 })
        #expect(fromArray == fromSlice)
        #expect(fromArray == fromString)
        #expect(fromArray == fromRaw)
        #expect(fromArray == fromNonContiguous)
    }

    @Test func largeObjectsStillFindMembers() throws {
        let members = (0..<200).map { "\"k\($0)\":\($0)" }.joined(separator: ",")
        let value = try JSONValue.parse("{\(members)}")
        #expect(value["k150"] == 150)
        #expect(value.objectValue?.count == 200)
    }
}
