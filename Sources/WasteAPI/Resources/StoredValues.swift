import JSON
import Storage
import WasteDomain

/// Strict readers of stored values for the stores not yet declared through a description: a
/// value outside its domain throws ``StoredValueError`` (logged, answered 500) instead of
/// becoming a default that would silently change a score or a permission.
enum StoredValues {
    static func enumeration<E: RawRepresentable>(_ row: Row, _ column: String, as type: E.Type = E.self) throws -> E
    where E.RawValue == String {
        try enumeration(try row.string(column), column: column)
    }

    static func enumeration<E: RawRepresentable>(_ text: String, column: String, as type: E.Type = E.self) throws -> E
    where E.RawValue == String {
        guard let value = E(rawValue: text) else { throw StoredValueError(column: column) }
        return value
    }

    static func date(_ row: Row, _ column: String) throws -> CalendarDate {
        guard let date = CalendarDate(parsing: try row.string(column)) else { throw StoredValueError(column: column) }
        return date
    }

    /// A stored JSON document (settings, schemes, standards).
    static func document(_ row: Row, _ column: String) throws -> JSONValue {
        do {
            return try JSONValue.parse(Array(try row.string(column).utf8))
        } catch is JSONParseError {
            throw StoredValueError(column: column)
        }
    }

    /// A stored document read back through its API reader: any problem means the row is damaged.
    static func requireValid(_ reader: JSONFieldReader, column: String) throws {
        guard reader.isValid else { throw StoredValueError(column: column) }
    }
}
