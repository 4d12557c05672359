/// A type that writes itself straight into a ``JSONWriter``, with no intermediate `JSONValue` tree.
public protocol JSONEncodable {
    /// Writes exactly one JSON value.
    func encode(to writer: inout JSONWriter)
}

extension JSONEncodable {
    /// The compact JSON encoding of this value.
    public func jsonBytes(capacity: Int = 1024, pretty: Bool = false) -> [UInt8] {
        var writer = JSONWriter(capacity: capacity, pretty: pretty)
        encode(to: &writer)
        return writer.bytes
    }
}

extension String: JSONEncodable {
    public func encode(to writer: inout JSONWriter) { writer.writeString(self) }
}

extension Substring: JSONEncodable {
    public func encode(to writer: inout JSONWriter) { writer.writeString(String(self)) }
}

extension Int: JSONEncodable {
    public func encode(to writer: inout JSONWriter) { writer.writeInt(self) }
}

extension Int64: JSONEncodable {
    public func encode(to writer: inout JSONWriter) { writer.writeInt(self) }
}

extension Int32: JSONEncodable {
    public func encode(to writer: inout JSONWriter) { writer.writeInt(Int64(self)) }
}

extension Bool: JSONEncodable {
    public func encode(to writer: inout JSONWriter) { writer.writeBool(self) }
}

/// NaN and infinities are written as `null` (see ``JSONWriter/writeDouble(_:)``).
extension Double: JSONEncodable {
    public func encode(to writer: inout JSONWriter) { writer.writeDouble(self) }
}

/// `nil` is written as `null`; use ``JSONObjectWriter/fieldIfPresent(_:_:)`` to omit the member instead.
extension Optional: JSONEncodable where Wrapped: JSONEncodable {
    public func encode(to writer: inout JSONWriter) {
        switch self {
        case .none: writer.writeNull()
        case .some(let value): value.encode(to: &writer)
        }
    }
}

extension Array: JSONEncodable where Element: JSONEncodable {
    public func encode(to writer: inout JSONWriter) {
        writer.beginArray()
        for element in self { element.encode(to: &writer) }
        writer.endArray()
    }
}

/// Members are written in sorted key order, so output is deterministic (ETags depend on it).
extension Dictionary: JSONEncodable where Key == String, Value: JSONEncodable {
    public func encode(to writer: inout JSONWriter) {
        writer.beginObject()
        for key in keys.sorted() {
            writer.writeKey(key)
            self[key].encode(to: &writer)
        }
        writer.endObject()
    }
}

extension JSONValue: JSONEncodable {
    public func encode(to writer: inout JSONWriter) { writer.writeValue(self) }
}

extension JSONNumber: JSONEncodable {
    public func encode(to writer: inout JSONWriter) { writer.writeNumber(self) }
}

extension JSONObject: JSONEncodable {
    public func encode(to writer: inout JSONWriter) { writer.writeValue(.object(self)) }
}

extension JSONValue {
    /// The UTF-8 encoding of this value: compact, or indented by two spaces when `pretty`.
    public func serialized(pretty: Bool = false) -> [UInt8] {
        jsonBytes(capacity: 256, pretty: pretty)
    }

    /// The encoding of this value as a `String`.
    public func serializedString(pretty: Bool = false) -> String {
        String(decoding: serialized(pretty: pretty), as: UTF8.self)
    }
}
