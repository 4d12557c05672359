import Testing
@testable import JSON

struct WriterTests {
    private func written(_ body: (inout JSONWriter) -> Void) -> String {
        var writer = JSONWriter()
        body(&writer)
        return writer.string
    }

    @Test(arguments: 0..<0x20)
    func everyControlCharacterIsEscaped(_ code: Int) throws {
        let scalar = try #require(Unicode.Scalar(code))
        let output = written { $0.writeString("a\(Character(scalar))b") }
        let short: [Int: String] = [0x08: #"\b"#, 0x09: #"\t"#, 0x0A: #"\n"#, 0x0C: #"\f"#, 0x0D: #"\r"#]
        let hex = String(code, radix: 16)
        let escape = short[code] ?? #"\u00"# + (hex.count == 1 ? "0" + hex : hex)
        #expect(output == "\"a\(escape)b\"")
        #expect(try JSONValue.parse(output) == .string("a\(Character(scalar))b"))
    }

    @Test func quotesAndBackslashesAreEscaped() {
        #expect(written { $0.writeString(#"say "hi" \ bye"#) } == #""say \"hi\" \\ bye""#)
    }

    @Test func nonASCIIIsWrittenAsRawUTF8ButLineSeparatorsAreEscaped() {
        #expect(written { $0.writeString("垃圾分类😀") } == "\"垃圾分类😀\"")
        #expect(written { $0.writeString("a\u{2028}b\u{2029}c") } == #""a\u2028b\u2029c""#)
        #expect(written { $0.writeString("/\u{7F}") } == "\"/\u{7F}\"")
    }

    @Test(arguments: [
        (Int64(1234), 3, "1.234"), (1200, 3, "1.2"), (12000, 3, "12"), (1, 3, "0.001"), (10, 3, "0.01"),
        (0, 3, "0"), (-5, 2, "-0.05"), (-1500, 3, "-1.5"), (100_000_000, 3, "100000"), (7, 0, "7"),
        (Int64.max, 3, "9223372036854775.807"), (Int64.min, 3, "-9223372036854775.808"),
        (Int64.min, 0, "-9223372036854775808"), (1, 19, "0.0000000000000000001"), (5, -2, "5"),
    ])
    func scaledIntegersAreWrittenAsTrimmedDecimals(_ value: Int64, _ decimals: Int, _ expected: String) {
        #expect(written { $0.writeScaled(value, decimals: decimals) } == expected)
    }

    @Test func scaledOutputConvertsBackExactly() {
        for value: Int64 in [0, 1, 9, 10, 999, 1000, 1001, 123_456_789, -42, Int64.max, Int64.min] {
            let text = written { $0.writeScaled(value, decimals: 3) }
            #expect(JSONNumber(text)?.scaledInteger(decimals: 3) == .value(value), "\(text)")
        }
    }

    @Test func integersAndDoublesAreWritten() {
        #expect(written { $0.writeInt(Int64.min) } == "-9223372036854775808")
        #expect(written { $0.writeInt(0) } == "0")
        #expect(written { $0.writeDouble(0.1) } == "0.1")
        #expect(written { $0.writeDouble(.nan) } == "null")
        #expect(written { $0.writeDouble(-.infinity) } == "null")
    }

    @Test func commasAreInsertedBetweenMembersAndElements() {
        let output = written { w in
            w.beginObject()
            w.writeKey("a"); w.writeInt(1)
            w.writeKey("b"); w.beginArray(); w.writeBool(true); w.writeNull(); w.beginObject(); w.endObject(); w.endArray()
            w.writeKey("c"); w.writeString("x")
            w.endObject()
        }
        #expect(output == #"{"a":1,"b":[true,null,{}],"c":"x"}"#)
    }

    @Test func theObjectHelperWritesFieldsWithoutATree() {
        let tags = ["纸", "plastic"]
        let output = written { w in
            w.object { o in
                o.field("name", "尖山区")
                o.field("weight_kg", scaled: 1200, decimals: 3)
                o.field("tags", tags)
                o.field("note", String?.none)
                o.fieldIfPresent("skipped", Int?.none)
                o.object("bins") { b in
                    b.object("food") { f in f.field("count", 2) }
                }
                o.array("entries") { a in
                    a.element(scaled: 5, decimals: 2)
                    a.object { e in e.field("ok", true) }
                }
            }
        }
        #expect(output == #"{"name":"尖山区","weight_kg":1.2,"tags":["纸","plastic"],"note":null,"bins":{"food":{"count":2}},"entries":[0.05,{"ok":true}]}"#)
    }

    @Test func theHelperCanThrowAndTheWriterStaysUsable() {
        struct Stop: Error {}
        var writer = JSONWriter()
        #expect(throws: Stop.self) {
            try writer.object { (o: inout JSONObjectWriter) throws(Stop) in
                o.field("a", 1)
                throw Stop()
            }
        }
        #expect(writer.string == #"{"a":1}"#)
    }

    @Test func prettyOutputIsIndentedAndStillParses() throws {
        let value: JSONValue = ["a": [1, 2], "b": [:], "c": [], "d": ["e": "f"]]
        let pretty = value.serializedString(pretty: true)
        #expect(pretty == """
        {
          "a": [
            1,
            2
          ],
          "b": {},
          "c": [],
          "d": {
            "e": "f"
          }
        }
        """)
        #expect(try JSONValue.parse(pretty) == value)
    }

    @Test func dictionariesAreWrittenInSortedKeyOrder() {
        let output = String(decoding: ["b": 2, "a": 1, "c": 3].jsonBytes(), as: UTF8.self)
        #expect(output == #"{"a":1,"b":2,"c":3}"#)
    }

    @Test func fieldErrorsEncodeAsProblemDetailsEntries() {
        let error = FieldError(field: "entries[0].weight_kg", code: "out_of_range", message: "must be at most 100000")
        let output = String(decoding: [error].jsonBytes(), as: UTF8.self)
        #expect(output == #"[{"field":"entries[0].weight_kg","code":"out_of_range","message":"must be at most 100000"}]"#)
    }

    @Test func rawValuesArePassedThrough() {
        let output = written { w in w.object { o in o.field("cached", rawJSON: Array("[1,2]".utf8)); o.field("n", 3) } }
        #expect(output == #"{"cached":[1,2],"n":3}"#)
    }
}
