/// One problem with one request field, as listed in a problem+json `errors` array.
public struct FieldError: Sendable, Hashable, JSONEncodable, CustomStringConvertible {
    /// The field's path: `name`, `entries[3].weight_kg`, `bins.food.count`; `""` is the whole body.
    public var field: String
    /// A stable machine-readable code, one of ``Code``.
    public var code: String
    /// A short human explanation, without the field name ("must be at most 200 characters").
    public var message: String

    public init(field: String, code: String, message: String) {
        self.field = field
        self.code = code
        self.message = message
    }

    /// The codes this module produces; callers may add their own.
    public enum Code {
        public static let required = "required"
        public static let type = "type"
        public static let tooLong = "too_long"
        public static let tooShort = "too_short"
        public static let outOfRange = "out_of_range"
        public static let tooManyDecimals = "too_many_decimals"
        public static let invalidFormat = "invalid_format"
        public static let invalidValue = "invalid_value"
        public static let unknownField = "unknown_field"
    }

    public var description: String { "\(field.isEmpty ? "(body)" : field): \(message) [\(code)]" }

    /// Writes `{"field": …, "code": …, "message": …}`.
    public func encode(to writer: inout JSONWriter) {
        writer.object { o in
            o.field("field", field)
            o.field("code", code)
            o.field("message", message)
        }
    }
}
