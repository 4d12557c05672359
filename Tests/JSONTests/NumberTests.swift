import Testing
@testable import JSON

/// Weights and money must convert from their decimal text exactly, never through Double.
struct NumberTests {
    typealias Scaled = JSONNumber.ScaledResult

    static let scaledCases: [(text: String, decimals: Int, expected: Scaled)] = [
        ("1.234", 3, .value(1234)),
        ("0.5", 3, .value(500)),
        ("12", 3, .value(12000)),
        ("0.001", 3, .value(1)),
        ("100000", 3, .value(100_000_000)),
        ("0", 3, .value(0)),
        ("-0", 3, .value(0)),
        ("-0.0", 3, .value(0)),
        ("0e999999", 3, .value(0)),
        ("-1.5", 3, .value(-1500)),
        ("1.2345", 3, .tooManyDecimals),
        ("0.0005", 3, .tooManyDecimals),
        ("1.2000", 3, .value(1200)),
        ("1.23450000", 4, .value(12345)),
        ("1e-3", 3, .value(1)),
        ("1e-4", 3, .tooManyDecimals),
        ("1.5e2", 3, .value(150_000)),
        ("1.5E+2", 3, .value(150_000)),
        ("15e-1", 3, .value(1500)),
        ("0.1", 2, .value(10)),
        ("0.29", 2, .value(29)),
        ("19.99", 2, .value(1999)),
        ("1.005", 2, .tooManyDecimals),
        ("12.0", 0, .value(12)),
        ("1.2e1", 0, .value(12)),
        ("12.5", 0, .tooManyDecimals),
        ("9223372036854775807", 0, .value(Int64.max)),
        ("9223372036854775808", 0, .outOfRange),
        ("-9223372036854775808", 0, .value(Int64.min)),
        ("-9223372036854775809", 0, .outOfRange),
        ("9223372036854775.807", 3, .value(Int64.max)),
        ("9223372036854775.808", 3, .outOfRange),
        ("-9223372036854775.808", 3, .value(Int64.min)),
        ("1234567890123456789", 3, .outOfRange),
        ("99999999999999999999", 0, .outOfRange),
        ("1e19", 0, .outOfRange),
        ("1e18", 0, .value(1_000_000_000_000_000_000)),
        ("1e999999999999999999999", 3, .outOfRange),
        ("1e-999999999999999999999", 3, .tooManyDecimals),
        ("00000000000000000000000000000000001", 0, .value(1)),
        ("0.00000000000000000000000000000000001e35", 0, .value(1)),
        ("5", -1, .tooManyDecimals),
        ("50", -1, .value(5)),
    ]

    @Test(arguments: scaledCases.indices)
    func decimalsConvertExactlyToScaledIntegers(_ index: Int) {
        let testCase = Self.scaledCases[index]
        // Leading zeros are not valid JSON, but the conversion itself must cope with long digit runs.
        let result = testCase.text.hasPrefix("00")
            ? ExactDecimal.scale(testCase.text, decimals: testCase.decimals)
            : JSONNumber(testCase.text)?.scaledInteger(decimals: testCase.decimals)
        #expect(result == testCase.expected, "\(testCase.text) with \(testCase.decimals) decimals")
    }

    @Test func scaledConversionWorksOnParsedNumbers() throws {
        let value = try JSONValue.parse(#"{"weight_kg": 12.345, "money": 0.07}"#)
        #expect(value["weight_kg"]?.numberValue?.scaledInteger(decimals: 3) == .value(12345))
        #expect(value["money"]?.numberValue?.scaledInteger(decimals: 2) == .value(7))
    }

    @Test func decimalsThatDoublesCannotHoldStayExact() {
        // 0.1 + 0.2 style drift: as Double, 1.005 * 100 is 100.49999…
        #expect(JSONNumber("1.015")?.scaledInteger(decimals: 3) == .value(1015))
        #expect(JSONNumber("4.35")?.scaledInteger(decimals: 2) == .value(435))
        #expect(JSONNumber("99999.999")?.scaledInteger(decimals: 3) == .value(99_999_999))
    }

    @Test func int64AcceptsOnlyPlainIntegerLiterals() {
        #expect(JSONNumber("42")?.int64 == 42)
        #expect(JSONNumber("-0")?.int64 == 0)
        #expect(JSONNumber("-9223372036854775808")?.int64 == Int64.min)
        #expect(JSONNumber("9223372036854775808")?.int64 == nil)
        #expect(JSONNumber("1.0")?.int64 == nil)
        #expect(JSONNumber("1e2")?.int64 == nil)
    }

    @Test func doubleIsNearestAndNilWhenInfinite() {
        #expect(JSONNumber("1.5")?.double == 1.5)
        #expect(JSONNumber("-2e-3")?.double == -0.002)
        #expect(JSONNumber("1e400")?.double == nil)
        #expect(JSONNumber("1e-400")?.double == 0)
    }

    @Test func literalTextMustFollowTheGrammar() {
        for bad in ["", "+1", "01", "1.", ".5", "-", "1e", "1e+", "NaN", "Infinity", " 1", "1 ", "0x10", "1_000"] {
            #expect(JSONNumber(bad) == nil, "\(bad)")
        }
        for good in ["0", "-0", "1.5", "1e5", "1E-5", "-0.0e+00", "123456789012345678901234567890"] {
            #expect(JSONNumber(good)?.text == good)
        }
    }

    @Test func numbersFromSwiftValuesAreValidLiterals() {
        #expect(JSONNumber(Int64(-42)).text == "-42")
        #expect(JSONNumber(0.1)?.text == "0.1")
        #expect(JSONNumber(1e300)?.text == "1e+300")
        #expect(JSONNumber(Double.nan) == nil)
        #expect(JSONNumber(-Double.infinity) == nil)
        #expect(JSONNumber(scaled: 1234, decimals: 3).text == "1.234")
        #expect(JSONNumber(scaled: -5, decimals: 2).text == "-0.05")
        for text in [JSONNumber(1e-7), JSONNumber(123.456), JSONNumber(-0.0)].compactMap({ $0?.text }) {
            #expect(JSONNumber(text) != nil, "\(text)")
        }
    }
}
