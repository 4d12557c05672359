import Testing
@testable import JSON

struct JSONObjectTests {
    @Test func setReplacesInPlaceAndAppendsNewKeys() {
        var object = JSONObject([("a", 1), ("b", 2)])
        object.set("a", 10)
        object.set("c", 3)
        #expect(object.keys == ["a", "b", "c"])
        #expect(object["a"] == 10)
    }

    @Test func absentKeysAreNilButNullIsAValue() {
        let object: JSONObject = ["x": nil]
        #expect(object["x"] == .null)
        #expect(object["y"] == nil)
        #expect(object.contains("x"))
        #expect(!object.contains("y"))
    }

    @Test func equalityIgnoresMemberOrder() {
        #expect(JSONObject([("a", 1), ("b", 2)]) == JSONObject([("b", 2), ("a", 1)]))
        #expect(JSONObject([("a", 1)]) != JSONObject([("a", 2)]))
        #expect(JSONObject([("a", 1)]) != JSONObject([("a", 1), ("b", 1)]))
    }

    @Test func largeObjectsKeepLookupsAndRemovalsConsistent() {
        var object = JSONObject()
        for i in 0..<100 { object.set("k\(i)", .number(JSONNumber(i))) }
        #expect(object["k99"] == 99)
        #expect(object.removeValue(forKey: "k50") == 50)
        #expect(object["k50"] == nil)
        #expect(object["k51"] == 51)
        #expect(object.count == 99)
        #expect(object.keys.first == "k0")
        object.set("k0", "changed")
        #expect(object["k0"] == "changed")
        #expect(object.count == 99)
    }

    @Test func iterationFollowsInsertionOrder() {
        let object = JSONObject([("z", 1), ("a", 2)])
        #expect(object.map(\.key) == ["z", "a"])
    }
}
