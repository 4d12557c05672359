import Testing
@testable import JSON

struct RoundTripTests {
    static let documents: [String] = [
        #"{"name":"尖山区机关事务服务中心","kind":"party_government_organ","headcount":120,"has_canteen":true}"#,
        #"{"note":"第一行\n第二行\t\"引号\" \\ 反斜杠 \u0001 \u2028","emoji":"😀🗑️"}"#,
        #"[0,-0,1.50,1e+2,-1.5E-10,123456789012345678901234567890,0.001]"#,
        #"{"entries":[{"weight_kg":12.345,"category":"food"},{"weight_kg":0.001,"category":"hazardous"}],"empty":{},"none":[]}"#,
        #"[null,true,false,"",{"":""}]"#,
        "  {\"a\" : [ 1 , { \"b\" : null } ] }  ",
    ]

    @Test(arguments: documents)
    func parsedDocumentsSurviveSerializationUnchanged(_ json: String) throws {
        let first = try JSONValue.parse(json)
        let compact = first.serialized()
        #expect(try JSONValue.parse(compact) == first)
        let pretty = first.serialized(pretty: true)
        #expect(try JSONValue.parse(pretty) == first)
        // Serializing again is stable byte for byte.
        #expect(try JSONValue.parse(compact).serialized() == compact)
    }

    @Test func chineseTextIsWrittenRawAndEscapesAreNormalized() throws {
        let value = try JSONValue.parse(#"{"t":"\u5783\u573e\/x"}"#)
        #expect(value.serializedString() == #"{"t":"垃圾/x"}"#)
    }

    @Test func everyScalarRangeRoundTrips() throws {
        let samples: [Unicode.Scalar] = ["\u{0}", "\u{1F}", "\u{7F}", "\u{80}", "\u{7FF}", "\u{800}", "\u{D7FF}",
                                         "\u{E000}", "\u{FFFD}", "\u{FFFF}", "\u{10000}", "\u{10FFFF}"]
        let text = String(String.UnicodeScalarView(samples))
        let value = JSONValue.string(text)
        #expect(try JSONValue.parse(value.serialized()) == value)
    }
}
