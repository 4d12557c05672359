/// A dictionary that holds at most `capacity` entries and, when full, forgets the one used
/// least recently (an LRU): memory stays bounded under a flood of new keys, and what is
/// forgotten first is what matters least, never everything at once.
///
/// Entries live in an array linked into a recency list by index, so a lookup, an update and an
/// eviction are O(1) and a full map allocates nothing more. Not thread-safe: guard it with
/// `Locked` (as `LoginThrottle` does).
public struct RecencyMap<Key: Hashable, Value> {
    private struct Slot {
        var key: Key
        var value: Value
        var newer: Int  // towards `newest`; -1 at the end
        var older: Int  // towards `oldest`; -1 at the end
    }

    public let capacity: Int
    private var slots: [Slot] = []
    private var index: [Key: Int] = [:]
    private var newest = -1
    private var oldest = -1

    /// - Parameter capacity: at least 1.
    public init(capacity: Int) {
        self.capacity = max(1, capacity)
    }

    public var count: Int { index.count }

    /// The value, marking the key as just used.
    public mutating func value(for key: Key) -> Value? {
        guard let position = index[key] else { return nil }
        touch(position)
        return slots[position].value
    }

    /// The value without changing recency (for reports and tests).
    public func peek(_ key: Key) -> Value? {
        index[key].map { slots[$0].value }
    }

    /// Stores the value as the most recent entry; when the map is full, the least recently used
    /// entry makes room and is returned.
    @discardableResult
    public mutating func set(_ value: Value, for key: Key) -> (key: Key, value: Value)? {
        if let position = index[key] {
            slots[position].value = value
            touch(position)
            return nil
        }
        if slots.count < capacity {
            slots.append(Slot(key: key, value: value, newer: -1, older: -1))
            let position = slots.count - 1
            index[key] = position
            pushNewest(position)
            return nil
        }
        // Full: reuse the oldest slot.
        let position = oldest
        let evicted = (slots[position].key, slots[position].value)
        unlink(position)
        index[evicted.0] = nil
        slots[position] = Slot(key: key, value: value, newer: -1, older: -1)
        index[key] = position
        pushNewest(position)
        return evicted
    }

    /// Forgets one key; its slot is reused by the next insertion.
    @discardableResult
    public mutating func remove(_ key: Key) -> Value? {
        guard let position = index.removeValue(forKey: key) else { return nil }
        let value = slots[position].value
        unlink(position)
        // Keep the slot array dense: move the last slot into the hole.
        let last = slots.count - 1
        if position != last {
            let moved = slots[last]
            slots[position] = moved
            index[moved.key] = position
            if moved.newer >= 0 { slots[moved.newer].older = position } else { newest = position }
            if moved.older >= 0 { slots[moved.older].newer = position } else { oldest = position }
        }
        slots.removeLast()
        return value
    }

    /// Removes every entry whose key satisfies the predicate (an admin's unlock: rare, O(n)).
    public mutating func removeAll(where shouldRemove: (Key) -> Bool) {
        for key in index.keys where shouldRemove(key) { remove(key) }
    }

    /// Keys from the most to the least recently used.
    public var keysByRecency: [Key] {
        var keys: [Key] = []
        var position = newest
        while position >= 0 {
            keys.append(slots[position].key)
            position = slots[position].older
        }
        return keys
    }

    private mutating func touch(_ position: Int) {
        guard position != newest else { return }
        unlink(position)
        pushNewest(position)
    }

    private mutating func unlink(_ position: Int) {
        let slot = slots[position]
        if slot.newer >= 0 { slots[slot.newer].older = slot.older } else { newest = slot.older }
        if slot.older >= 0 { slots[slot.older].newer = slot.newer } else { oldest = slot.newer }
        slots[position].newer = -1
        slots[position].older = -1
    }

    private mutating func pushNewest(_ position: Int) {
        slots[position].older = newest
        slots[position].newer = -1
        if newest >= 0 { slots[newest].newer = position }
        newest = position
        if oldest < 0 { oldest = position }
    }
}
