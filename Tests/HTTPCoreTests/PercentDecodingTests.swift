import Testing
import HTTPCore

@Test(arguments: [
    ("abc", false, "abc"),
    ("", false, ""),
    ("a%20b", false, "a b"),
    ("a+b", false, "a+b"),
    ("a+b", true, "a b"),
    ("%2B", true, "+"),
    ("%2b%2B", false, "++"),
    ("%E5%9E%83", false, "垃"),
    ("%e5%9e%83", false, "垃"),
    ("%C3%A9", false, "é"),
    ("%2e%2e", false, ".."),
    ("%25", false, "%"),
    ("%2525", false, "%25"),
    ("%00", false, nil),
    ("a%00", true, nil),
    ("%2", false, nil),
    ("%", false, nil),
    ("a%", false, nil),
    ("%zz", false, nil),
    ("%4", false, nil),
    ("%4g", false, nil),
    ("%FF", false, nil),
    ("%C3", false, nil),
    ("%C3%28", false, nil),
] as [(String, Bool, String?)])
func percentDecodingMatchesTable(encoded: String, plusAsSpace: Bool, decoded: String?) {
    #expect(PercentDecoding.decode(encoded[...], plusAsSpace: plusAsSpace) == decoded)
}

@Test func percentDecodingWorksOnASubstringSlice() {
    let query = "name=a%20b&x=1"
    let value = query.split(separator: "&")[0].dropFirst(5)
    #expect(PercentDecoding.decode(value) == "a b")
}
