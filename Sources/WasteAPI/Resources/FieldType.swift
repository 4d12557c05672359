import JSON
import Storage
import WasteDomain

/// How one kind of value is read from a body, stored in a column, decoded strictly, written as
/// JSON, read from a spreadsheet cell, and described in `/openapi.json`. A ``FieldDescription``
/// pairs one of these with a key path; every derived use goes through it.
struct FieldType<Value>: Sendable {
    /// Converts a present, non-null member; records an error and returns nil when it is bad.
    let read: @Sendable (inout JSONFieldReader, String, FieldContext) -> Value?
    let store: @Sendable (Value) -> SQLValue
    /// Throws ``StoredValueError`` for a value the column should never hold: never a default.
    let load: @Sendable (Row, String) throws -> Value
    let json: @Sendable (Value) -> JSONValue
    /// A non-empty imported cell as the JSON member the body reader validates.
    let parseCell: @Sendable (String) -> JSONValue
    /// The OpenAPI schema of a present value (nullability is the field's business).
    let schema: JSONObject
}

/// What reading a member may depend on besides the body: the district's settings (which
/// categories are in force).
struct FieldContext: Sendable {
    var settings = DistrictSettings()
}

/// A stored value outside its column's domain (an unknown enum, a malformed date or JSON):
/// logged and answered as a 500 by the route layer, never turned into a default.
struct StoredValueError: Error, CustomStringConvertible {
    let column: String
    var description: String { "column \(column) holds a value outside its domain" }
}

extension FieldType where Value == String {
    /// Text of `minLength…maxLength` characters; `check` adds a format rule (codes, phones).
    static func text(minLength: Int = 0, maxLength: Int, pattern: String? = nil,
                     check: (@Sendable (String) -> (code: String, message: String)?)? = nil) -> FieldType<String> {
        var schema: JSONObject = ["type": "string"]
        if minLength > 0 { schema.set("minLength", .number(JSONNumber(minLength))) }
        schema.set("maxLength", .number(JSONNumber(maxLength)))
        if let pattern { schema.set("pattern", .string(pattern)) }
        return FieldType(
            read: { reader, key, _ in
                guard let text = reader.string(key, minLength: minLength, maxLength: maxLength) else { return nil }
                if let problem = check?(text) {
                    reader.addError(key, code: problem.code, message: problem.message)
                    return nil
                }
                return text
            },
            store: { .text($0) }, load: { row, column in try row.string(column) },
            json: { .string($0) }, parseCell: { .string($0) }, schema: schema)
    }
}

extension FieldType where Value == Int {
    static func integer(min: Int, max: Int) -> FieldType<Int> {
        FieldType(
            read: { reader, key, _ in reader.int(key, min: min, max: max) },
            store: { .integer(Int64($0)) }, load: { row, column in try row.int(column) },
            json: { .number(JSONNumber($0)) },
            parseCell: { text in JSONNumber(text.trimmingCellSpaces).map(JSONValue.number) ?? .string(text) },
            schema: ["type": "integer", "minimum": .number(JSONNumber(min)), "maximum": .number(JSONNumber(max))])
    }
}

extension FieldType where Value == Int64 {
    /// A decimal kept as an exact integer of `10^-decimals` units (m² × 100, grams, fen).
    static func scaled(decimals: Int, min: Int64, max: Int64) -> FieldType<Int64> {
        FieldType(
            read: { reader, key, _ in reader.scaled(key, decimals: decimals, min: min, max: max) },
            store: { .integer($0) }, load: { row, column in try row.int64(column) },
            json: { .number(JSONNumber(scaled: $0, decimals: decimals)) },
           
            parseCell: { text in JSONNumber(text.trimmingCellSpaces).map(JSONValue.number) ?? .string(text) },
            schema: ["type": "number", "minimum": .number(JSONNumber(scaled: min, decimals: decimals)),
                     "maximum": .number(JSONNumber(scaled: max, decimals: decimals)),
                     "multipleOf": .number(JSONNumber(scaled: 1, decimals: decimals))])
    }
}

extension FieldType where Value == Int64 {
    /// A position in degrees with at most 6 decimals (about 0.1 m), kept as integer micro-degrees
    /// and stored in a REAL column (the unit the attachment warnings compute distances in).
    static func coordinate(limit degrees: Int64) -> FieldType<Int64> {
        let bound = degrees * 1_000_000
        return FieldType(
            read: { reader, key, _ in reader.scaled(key, decimals: 6, min: -bound, max: bound) },
            store: { .real(Double($0) / 1_000_000) },
            load: { row, column in
                let value = try row.double(column)
                guard value.isFinite, abs(value) <= Double(degrees) else { throw StoredValueError(column: column) }
                return Int64((value * 1_000_000).rounded())
            },
            json: { .number(JSONNumber(scaled: $0, decimals: 6)) },
            parseCell: { text in JSONNumber(text.trimmingCellSpaces).map(JSONValue.number) ?? .string(text) },
            schema: ["type": "number", "minimum": .number(JSONNumber(-degrees)), "maximum": .number(JSONNumber(degrees)),
                     "multipleOf": .number(JSONNumber(scaled: 1, decimals: 6))])
    }
}

extension FieldType where Value == Bool {
    static let boolean = FieldType<Bool>(
        read: { reader, key, _ in reader.bool(key) },
        store: { .integer($0 ? 1 : 0) }, load: { row, column in try row.bool(column) },
        json: { .bool($0) },
        parseCell: { text in SpreadsheetBoolean.parse(text.trimmingCellSpaces).map(JSONValue.bool) ?? .string(text) },
        schema: ["type": "boolean"])
}

extension CalendarDate {
    /// The blank value of a required date: always replaced before anything is stored.
    static let placeholder = CalendarDate(year: 2000, month: 1, day: 1)!
}

extension FieldType where Value == CalendarDate {
    /// `YYYY-MM-DD`, stored as that text.
    static let date = FieldType<CalendarDate>(
        read: { reader, key, _ in reader.date(key) },
        store: { .text($0.description) },
        load: { row, column in
            guard let date = CalendarDate(parsing: try row.string(column)) else { throw StoredValueError(column: column) }
            return date
        },
        json: { .string($0.description) }, parseCell: { .string($0) },
        schema: ["type": "string", "format": "date"])
}

extension FieldType where Value: RawRepresentable & CaseIterable & Sendable, Value.RawValue == String {
    /// One of the cases by code; `aliases` (Chinese names) are accepted on input only.
    static func enumeration(aliases: [String: Value] = [:]) -> FieldType<Value> {
        let codes = Value.allCases.map(\.rawValue)
        var mapping = aliases
        for value in Value.allCases { mapping[value.rawValue] = value }
        let lookup = mapping
        return FieldType(
            read: { reader, key, _ in reader.enumValue(key, mapping: lookup, listed: codes) },
            store: { .text($0.rawValue) },
            load: { row, column in
                guard let value = Value(rawValue: try row.string(column)) else { throw StoredValueError(column: column) }
                return value
            },
            json: { .string($0.rawValue) }, parseCell: { .string($0) },
            schema: ["type": "string", "enum": .array(codes.map(JSONValue.string))])
    }
}

/// Spreadsheet spellings of yes and no.
enum SpreadsheetBoolean {
    static func parse(_ text: String) -> Bool? {
        switch text.lowercased() {
        case "true", "1", "yes", "y", "是", "有": true
        case "false", "0", "no", "n", "否", "无": false
        default: nil
        }
    }
}

extension String {
    /// Without leading and trailing ASCII spaces and tabs (what spreadsheets pad cells with).
    var trimmingCellSpaces: String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { $0 != " " && $0 != "\t" }),
              let last = scalars.lastIndex(where: { $0 != " " && $0 != "\t" }) else { return "" }
        return String(scalars[first...last])
    }
}
