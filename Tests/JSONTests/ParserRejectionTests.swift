import Testing
@testable import JSON

/// Documents a strict parser must reject, in the spirit of JSONTestSuite's `n_` cases,
/// each with the reason it must give.
struct ParserRejectionTests {
    typealias Reason = JSONParseError.Reason

    static let rejected: [(name: String, bytes: [UInt8], reason: Reason)] = [
        ("n_empty", [], .unexpectedEnd),
        ("n_only_whitespace", bytes(" \n"), .unexpectedEnd),
        ("n_two_values", bytes("[] []"), .trailingContent),
        ("n_trailing_garbage", bytes("{}x"), .trailingContent),
        ("n_array_trailing_comma", bytes("[1,]"), .unexpectedCharacter),
        ("n_object_trailing_comma", bytes(#"{"a":1,}"#), .unexpectedCharacter),
        ("n_array_leading_comma", bytes("[,1]"), .unexpectedCharacter),
        ("n_array_double_comma", bytes("[1,,2]"), .unexpectedCharacter),
        ("n_array_missing_comma", bytes("[1 2]"), .unexpectedCharacter),
        ("n_array_unclosed", bytes("[1"), .unexpectedEnd),
        ("n_object_unclosed", bytes(#"{"a":1"#), .unexpectedEnd),
        ("n_object_missing_colon", bytes(#"{"a" 1}"#), .unexpectedCharacter),
        ("n_object_unquoted_key", bytes("{a:1}"), .unexpectedCharacter),
        ("n_object_single_quoted_key", bytes("{'a':1}"), .unexpectedCharacter),
        ("n_single_quoted_string", bytes("['a']"), .unexpectedCharacter),
        ("n_object_number_key", bytes("{1:1}"), .unexpectedCharacter),
        ("n_line_comment", bytes("[1] // c"), .trailingContent),
        ("n_block_comment", bytes("[1/* c */]"), .unexpectedCharacter),
        ("n_nan", bytes("[NaN]"), .unexpectedCharacter),
        ("n_infinity", bytes("[Infinity]"), .unexpectedCharacter),
        ("n_minus_infinity", bytes("[-Infinity]"), .invalidNumber),
        ("n_leading_plus", bytes("[+1]"), .unexpectedCharacter),
        ("n_leading_zero", bytes("[01]"), .invalidNumber),
        ("n_top_level_leading_zero", bytes("01"), .invalidNumber),
        ("n_negative_leading_zero", bytes("[-012]"), .invalidNumber),
        ("n_point_without_fraction", bytes("[1.]"), .invalidNumber),
        ("n_top_level_point_without_fraction", bytes("1."), .unexpectedEnd),
        ("n_fraction_without_integer", bytes("[.5]"), .unexpectedCharacter),
        ("n_lone_minus", bytes("[-]"), .invalidNumber),
        ("n_top_level_lone_minus", bytes("-"), .unexpectedEnd),
        ("n_exponent_without_digits", bytes("[1e]"), .invalidNumber),
        ("n_exponent_sign_without_digits", bytes("[1e+]"), .invalidNumber),
        ("n_hex_number", bytes("[0x1F]"), .unexpectedCharacter),
        ("n_number_with_space", bytes("[1 000]"), .unexpectedCharacter),
        ("n_true_misspelled", bytes("[tru]"), .unexpectedCharacter),
        ("n_true_capitalized", bytes("[True]"), .unexpectedCharacter),
        ("n_null_truncated", bytes("nul"), .unexpectedEnd),
        ("n_unterminated_string", bytes("[\"abc"), .unexpectedEnd),
        ("n_invalid_escape", bytes(#"["\x"]"#), .invalidEscape),
        ("n_escaped_apostrophe", bytes(#"["\'"]"#), .invalidEscape),
        ("n_short_unicode_escape", bytes(#"["\u12"]"#), .invalidEscape),
        ("n_unicode_escape_bad_hex", bytes(#"["\uZZZZ"]"#), .invalidEscape),
        ("n_lone_high_surrogate", bytes(#"["\uD800"]"#), .invalidSurrogate),
        ("n_lone_low_surrogate", bytes(#"["\uDC00"]"#), .invalidSurrogate),
        ("n_high_surrogate_then_letter", bytes(#"["\uD800x"]"#), .invalidSurrogate),
        ("n_two_high_surrogates", bytes(#"["\uD800\uD800"]"#), .invalidSurrogate),
        ("n_unescaped_newline", bytes("[\"a\nb\"]"), .controlCharacter),
        ("n_unescaped_tab", bytes("[\"a\tb\"]"), .controlCharacter),
        ("n_unescaped_nul", [0x5B, 0x22, 0x00, 0x22, 0x5D], .controlCharacter),
        ("n_utf8_stray_continuation", [0x5B, 0x22, 0x80, 0x22, 0x5D], .invalidUTF8),
        ("n_utf8_overlong_slash", [0x5B, 0x22, 0xC0, 0xAF, 0x22, 0x5D], .invalidUTF8),
        ("n_utf8_overlong_three_bytes", [0x5B, 0x22, 0xE0, 0x80, 0xAF, 0x22, 0x5D], .invalidUTF8),
        ("n_utf8_encoded_surrogate", [0x5B, 0x22, 0xED, 0xA0, 0x80, 0x22, 0x5D], .invalidUTF8),
        ("n_utf8_above_10FFFF", [0x5B, 0x22, 0xF4, 0x90, 0x80, 0x80, 0x22, 0x5D], .invalidUTF8),
        ("n_utf8_f5_lead", [0x5B, 0x22, 0xF5, 0x80, 0x80, 0x80, 0x22, 0x5D], .invalidUTF8),
        ("n_utf8_truncated", [0x5B, 0x22, 0xE4, 0xB8, 0x22, 0x5D], .invalidUTF8),
        ("n_utf8_ff", [0x5B, 0x22, 0xFF, 0x22, 0x5D], .invalidUTF8),
        ("n_utf8_invalid_outside_string", [0x5B, 0xFF, 0x5D], .invalidUTF8),
        ("n_utf16_bom", [0xFE, 0xFF, 0x00, 0x5B, 0x00, 0x5D], .invalidUTF8),
        ("n_bom_only", [0xEF, 0xBB, 0xBF], .unexpectedEnd),
        ("n_bom_in_middle", [0x5B, 0xEF, 0xBB, 0xBF, 0x5D], .unexpectedCharacter),
        ("n_duplicate_key", bytes(#"{"name":1,"name":2}"#), .duplicateKey),
        ("n_duplicate_key_nested", bytes(#"{"a":{"b":1,"b":1}}"#), .duplicateKey),
        ("n_duplicate_key_via_escape", bytes(#"{"a":1,"\u0061":2}"#), .duplicateKey),
        ("n_form_feed_whitespace", bytes("\u{0C}[]"), .unexpectedCharacter),
        ("n_nbsp_whitespace", bytes("\u{A0}[]"), .unexpectedCharacter),
        ("n_ideographic_space", bytes("\u{3000}[]"), .unexpectedCharacter),
    ]

    private static func bytes(_ text: String) -> [UInt8] { Array(text.utf8) }

    @Test(arguments: rejected.indices)
    func malformedDocumentsAreRejectedWithTheRightReason(_ index: Int) {
        let testCase = Self.rejected[index]
        #expect(reason(testCase.bytes) == testCase.reason, "\(testCase.name)")
    }

    @Test func tenThousandOpenBracketsFailCleanly() {
        let json = [UInt8](repeating: UInt8(ascii: "["), count: 10_000)
        #expect(throws: JSONParseError.self) { try JSONValue.parse(json) }
        #expect(reason(json) == .tooDeep)
    }

    @Test func deepObjectsFailCleanlyToo() {
        let json = Array(String(repeating: #"{"a":"#, count: 10_000).utf8)
        #expect(reason(json) == .tooDeep)
    }

    @Test func aRaisedDepthLimitIsCappedByTheCeiling() {
        let json = [UInt8](repeating: UInt8(ascii: "["), count: 100_000)
        let limits = JSONParseLimits(maxDepth: 1_000_000)
        #expect(reason(json, limits) == .tooDeep)
    }

    @Test func nestingOneBeyondTheLimitIsRejected() {
        let json = Array((String(repeating: "[", count: 65) + String(repeating: "]", count: 65)).utf8)
        #expect(reason(json) == .tooDeep)
        #expect(reason(json, JSONParseLimits(maxDepth: 65)) == nil)
    }

    @Test func longStringsAreRejected() {
        let json = Array("[\"\(String(repeating: "a", count: 101))\"]".utf8)
        #expect(reason(json, JSONParseLimits(maxStringBytes: 100)) == .stringTooLong)
        #expect(reason(json, JSONParseLimits(maxStringBytes: 101)) == nil)
    }

    @Test func longStringsWithEscapesAreRejected() {
        let json = Array("[\"\(String(repeating: #"\n"#, count: 60))\"]".utf8)
        #expect(reason(json, JSONParseLimits(maxStringBytes: 100)) == .stringTooLong)
    }

    @Test func hugeNumberLiteralsAreRejected() {
        let json = Array("[\(String(repeating: "9", count: 101))]".utf8)
        #expect(reason(json) == .numberTooLong)
        let fits = Array("[\(String(repeating: "9", count: 100))]".utf8)
        #expect(reason(fits) == nil)
    }

    @Test func tooManyElementsAreRejected() {
        let json = Array(("[" + Array(repeating: "0", count: 11).joined(separator: ",") + "]").utf8)
        #expect(reason(json, JSONParseLimits(maxElements: 11)) == .tooManyElements)
        #expect(reason(json, JSONParseLimits(maxElements: 12)) == nil)
    }

    @Test func everyTruncationOfAValidDocumentIsRejectedWithoutCrashing() {
        let json = Array(#"{"名称":"垃圾\n\u4e2d","weight_kg":-1.5e3,"ok":[true,false,null]}"#.utf8)
        for length in 0..<json.count {
            #expect(reason(Array(json[..<length])) != nil, "prefix of \(length) bytes")
        }
        #expect(reason(json) == nil)
    }

    private func reason(_ bytes: [UInt8], _ limits: JSONParseLimits = .init()) -> JSONParseError.Reason? {
        do {
            _ = try JSONValue.parse(bytes, limits: limits)
            return nil
        } catch {
            return error.reason
        }
    }
}
