/// Writes the members of one object; obtained from ``JSONWriter/object(_:)``.
///
/// It owns the writer's buffer for the duration of the closure (moved in and out by `swap`,
/// so nothing is copied).
public struct JSONObjectWriter: Sendable {
    var writer = JSONWriter(capacity: 0)

    /// Writes `key` with any encodable value (`nil` optionals as `null`).
    public mutating func field(_ key: String, _ value: some JSONEncodable) {
        writer.writeKey(key)
        value.encode(to: &writer)
    }

    /// Writes `key` only when `value` is not nil.
    public mutating func fieldIfPresent(_ key: String, _ value: (some JSONEncodable)?) {
        guard let value else { return }
        field(key, value)
    }

    /// Writes `key` with `value / 10^decimals`, e.g. grams as kilograms: `(1234, 3)` → `1.234`.
    public mutating func field(_ key: String, scaled value: Int64, decimals: Int) {
        writer.writeKey(key)
        writer.writeScaled(value, decimals: decimals)
    }

    /// Like ``field(_:scaled:decimals:)``, writing `null` for nil.
    public mutating func field(_ key: String, scaled value: Int64?, decimals: Int) {
        guard let value else { return field(key, JSONValue.null) }
        field(key, scaled: value, decimals: decimals)
    }

    /// Writes `key` with bytes that already form one JSON value.
    public mutating func field(_ key: String, rawJSON: some Sequence<UInt8>) {
        writer.writeKey(key)
        writer.writeRawValue(rawJSON)
    }

    /// Writes `key` with a nested object.
    public mutating func object<E: Error>(_ key: String, _ body: (inout JSONObjectWriter) throws(E) -> Void) throws(E) {
        writer.writeKey(key)
        try writer.object(body)
    }

    /// Writes `key` with a nested array.
    public mutating func array<E: Error>(_ key: String, _ body: (inout JSONArrayWriter) throws(E) -> Void) throws(E) {
        writer.writeKey(key)
        try writer.array(body)
    }
}

/// Writes the elements of one array; obtained from ``JSONWriter/array(_:)``.
public struct JSONArrayWriter: Sendable {
    var writer = JSONWriter(capacity: 0)

    public mutating func element(_ value: some JSONEncodable) {
        value.encode(to: &writer)
    }

    public mutating func element(scaled value: Int64, decimals: Int) {
        writer.writeScaled(value, decimals: decimals)
    }

    public mutating func object<E: Error>(_ body: (inout JSONObjectWriter) throws(E) -> Void) throws(E) {
        try writer.object(body)
    }

    public mutating func array<E: Error>(_ body: (inout JSONArrayWriter) throws(E) -> Void) throws(E) {
        try writer.array(body)
    }
}

extension JSONWriter {
    /// Writes an object whose members `body` writes:
    /// `writer.object { o in o.field("name", name); o.field("weight_kg", scaled: grams, decimals: 3) }`.
    public mutating func object<E: Error>(_ body: (inout JSONObjectWriter) throws(E) -> Void) throws(E) {
        beginObject()
        var scope = JSONObjectWriter()
        swap(&self, &scope.writer)
        // Closed even when `body` throws, so the writer's nesting stays consistent.
        defer {
            swap(&self, &scope.writer)
            endObject()
        }
        try body(&scope)
    }

    /// Writes an array whose elements `body` writes.
    public mutating func array<E: Error>(_ body: (inout JSONArrayWriter) throws(E) -> Void) throws(E) {
        beginArray()
        var scope = JSONArrayWriter()
        swap(&self, &scope.writer)
        // Closed even when `body` throws, so the writer's nesting stays consistent.
        defer {
            swap(&self, &scope.writer)
            endArray()
        }
        try body(&scope)
    }
}
