import Testing
@testable import Throttling

@Suite("Recency map (LRU)")
struct RecencyMapTests {
    @Test("When full, the least recently used entry is forgotten, one at a time")
    func evictsOldestFirst() {
        var map = RecencyMap<String, Int>(capacity: 3)
        map.set(1, for: "a")
        map.set(2, for: "b")
        map.set(3, for: "c")
        #expect(map.value(for: "a") == 1)  // a is now the most recent
        let evicted = map.set(4, for: "d")
        #expect(evicted?.key == "b")
        #expect(map.count == 3)
        #expect(map.peek("b") == nil)
        #expect(map.keysByRecency == ["d", "a", "c"])
        map.set(5, for: "e")
        #expect(map.keysByRecency == ["e", "d", "a"])
    }

    @Test("A flood of new keys keeps the size at capacity and the latest keys")
    func flood() {
        var map = RecencyMap<Int, Int>(capacity: 1000)
        for key in 0..<100_000 { map.set(key, for: key) }
        #expect(map.count == 1000)
        #expect(map.peek(99_999) == 99_999)
        #expect(map.peek(99_000) == 99_000)
        #expect(map.peek(98_999) == nil)
    }

    @Test("Removing keeps the list consistent")
    func removal() {
        var map = RecencyMap<String, Int>(capacity: 4)
        for (index, key) in ["a", "b", "c", "d"].enumerated() { map.set(index, for: key) }
        #expect(map.remove("b") == 1)
        #expect(map.remove("a") == 0)
        #expect(map.keysByRecency == ["d", "c"])
        map.set(9, for: "x")
        map.set(8, for: "y")
        map.set(7, for: "z")  // full again: c goes
        #expect(map.keysByRecency == ["z", "y", "x", "d"])
        map.removeAll { $0 == "x" || $0 == "d" }
        #expect(map.keysByRecency == ["z", "y"])
        #expect(map.count == 2)
    }
}
