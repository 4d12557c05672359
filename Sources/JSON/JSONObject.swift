/// A JSON object: unique keys in insertion order.
///
/// Lookups scan linearly while the object is small (request bodies mostly are) and use a
/// dictionary index once it has more than ``indexThreshold`` keys, so hostile objects with many
/// keys stay linear to build. Equality ignores order: two objects are equal when they have the
/// same keys with equal values.
public struct JSONObject: Sendable, Equatable, Sequence {
    public typealias Element = (key: String, value: JSONValue)

    /// Above this many keys, lookups go through a dictionary index.
    static let indexThreshold = 16

    private var pairs: [Element] = []
    private var index: [String: Int]?

    /// An empty object.
    public init() {}

    /// An empty object with room for `capacity` members before it reallocates.
    init(capacity: Int) {
        pairs.reserveCapacity(capacity)
    }

    /// An object from key/value pairs; a later duplicate key replaces the earlier value in place.
    public init(_ pairs: [(String, JSONValue)]) {
        self.pairs.reserveCapacity(pairs.count)
        for (key, value) in pairs { set(key, value) }
    }

    public var count: Int { pairs.count }
    public var isEmpty: Bool { pairs.isEmpty }

    /// The keys in insertion order.
    public var keys: [String] { pairs.map(\.key) }

    /// The value for `key`, or nil when the key is absent (an explicit JSON null is `.null`).
    public subscript(key: String) -> JSONValue? {
        position(of: key).map { pairs[$0].value }
    }

    /// Whether the object has `key`, whatever its value (including null).
    public func contains(_ key: String) -> Bool {
        position(of: key) != nil
    }

    /// Sets `key` to `value`: replaces the value in place when the key exists, else appends.
    public mutating func set(_ key: String, _ value: JSONValue) {
        if let existing = position(of: key) {
            pairs[existing].value = value
        } else {
            append(key, value)
        }
    }

    /// Removes `key` and returns its value; keeps the order of the other keys.
    @discardableResult
    public mutating func removeValue(forKey key: String) -> JSONValue? {
        guard let existing = position(of: key) else { return nil }
        let removed = pairs.remove(at: existing).value
        rebuildIndex()
        return removed
    }

    /// Appends `key` unless it is already present; returns false for a duplicate.
    /// The parser uses this to reject duplicate keys without a second lookup structure.
    mutating func insertNew(_ key: String, _ value: JSONValue) -> Bool {
        guard position(of: key) == nil else { return false }
        append(key, value)
        return true
    }

    public func makeIterator() -> IndexingIterator<[Element]> {
        pairs.makeIterator()
    }

    public static func == (lhs: JSONObject, rhs: JSONObject) -> Bool {
        guard lhs.count == rhs.count else { return false }
        for (key, value) in lhs.pairs where rhs[key] != value {
            return false
        }
        return true
    }

    private func position(of key: String) -> Int? {
        if let index { return index[key] }
        return pairs.firstIndex { $0.key == key }
    }

    private mutating func append(_ key: String, _ value: JSONValue) {
        pairs.append((key, value))
        if index != nil {
            index?[key] = pairs.count - 1
        } else if pairs.count > Self.indexThreshold {
            rebuildIndex()
        }
    }

    private mutating func rebuildIndex() {
        guard pairs.count > Self.indexThreshold else {
            index = nil
            return
        }
        var built = [String: Int](minimumCapacity: pairs.count)
        for (offset, pair) in pairs.enumerated() { built[pair.key] = offset }
        index = built
    }
}

extension JSONObject: ExpressibleByDictionaryLiteral {
    public init(dictionaryLiteral elements: (String, JSONValue)...) {
        self.init(elements)
    }
}
