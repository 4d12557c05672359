/// An ordered list of header fields with case-insensitive lookup.
///
/// Names are stored lower-cased (they are case-insensitive by RFC 9110 §5.1), so lookups
/// compare bytes directly. Repeated fields are kept as separate entries, in order.
public struct HTTPHeaders: Sendable, Sequence, ExpressibleByDictionaryLiteral {
    public private(set) var fields: [(name: String, value: String)] = []

    public init() {}

    public init(dictionaryLiteral elements: (String, String)...) {
        for (name, value) in elements { add(name, value) }
    }

    public var count: Int { fields.count }

    /// Appends a field; the name is lower-cased.
    public mutating func add(_ name: String, _ value: String) {
        fields.append((Self.lowercase(name), value))
    }

    /// Appends a field whose name the caller already lower-cased (the parser's fast path).
    mutating func add(lowercasedName name: String, _ value: String) {
        fields.append((name, value))
    }

    /// Replaces every field of that name with one value.
    public mutating func set(_ name: String, _ value: String) {
        let lower = Self.lowercase(name)
        fields.removeAll { $0.name == lower }
        fields.append((lower, value))
    }

    public mutating func remove(_ name: String) {
        let lower = Self.lowercase(name)
        fields.removeAll { $0.name == lower }
    }

    /// The first value of a field, or nil.
    public subscript(name: String) -> String? {
        let lower = Self.lowercase(name)
        return fields.first { $0.name == lower }?.value
    }

    /// Lower-cases only when needed: call sites pass lower-case literals, so this is usually free.
    @inline(__always)
    static func lowercase(_ name: String) -> String {
        name.utf8.contains { $0 >= 65 && $0 <= 90 } ? name.lowercased() : name
    }

    /// Every value of a field, in order.
    public func values(_ name: String) -> [String] {
        let lower = Self.lowercase(name)
        return fields.filter { $0.name == lower }.map(\.value)
    }

    public func contains(_ name: String) -> Bool { self[name] != nil }

    public func makeIterator() -> IndexingIterator<[(name: String, value: String)]> {
        fields.makeIterator()
    }
}
