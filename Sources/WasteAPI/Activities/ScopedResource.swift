import JSON
import Routing
import Storage
import WasteDomain

/// Names of an institution-scoped resource: its table, URL segment, audit entity and schemas.
struct ScopedKind: Sendable {
    /// SQL table, also the URL segment: `/v1/institutions/{id}/<table>` and `/v1/<table>/{id}`.
    let table: String
    /// Audit entity, singular snake_case (`activity`).
    let entity: String
    /// OpenAPI schema of one resource (`Activity`); `<schema>Input`, `<schema>Patch` and
    /// `<schema>List` are the body, patch and list schemas.
    let schema: String
    /// What one resource is and what several are, for route summaries.
    let noun: String
    let plural: String
    let tag: String
}

/// A `WHERE` fragment with its arguments.
struct ScopedCondition {
    let sql: String
    let arguments: [any SQLValueConvertible]
}

/// What computed fields and filters may depend on, read in the request's transaction.
struct ScopedEnvironment {
    /// Today in the district's time zone (settings `utc_offset_minutes`), from the app clock.
    let today: CalendarDate
}

/// The resource-specific half of an institution-scoped resource; ``ScopedResourceRoutes``
/// supplies the other half (routes, access, pagination, ETags, idempotency, audit) once for all.
///
/// A value is the resource's own fields, as validated input and as stored. PATCH works by
/// overlaying the body on the current ``input`` and validating the result like a creation,
/// so cross-field rules see the merged values and every rule lives in ``read(_:)`` alone.
protocol ScopedResource: Sendable, Equatable {
    static var kind: ScopedKind { get }
    /// Body members a client may send; any other is an `unknown_field` 400.
    static var bodyKeys: [String] { get }
    /// Table columns of the fields, in ``sqlValues`` order.
    static var columns: [String] { get }
    /// The date column that the list's `from`/`to` filter, if any.
    static var dateColumn: String? { get }
    /// List query parameters beyond `limit`, `cursor`, `from` and `to`.
    static var listQuery: [String] { get }

    init(row: Row) throws
    /// Reads and checks a whole body, recording every problem in `reader`; nil when any.
    static func read(_ reader: inout JSONFieldReader) -> Self?
    /// The fields as a client sends them (a PATCH overlays its body on these).
    var input: [(String, JSONValue)] { get }
    /// Values of ``columns``, in order.
    var sqlValues: [any SQLValueConvertible] { get }
    /// Read-only fields computed for responses (rates, `overdue`).
    func computed(_ environment: ScopedEnvironment) -> [(String, JSONValue)]
    /// Conditions of the resource's own list parameters.
    static func filters(_ query: QueryParameters, _ environment: ScopedEnvironment) throws(HTTPError) -> [ScopedCondition]
    /// Extra members of a list response, over every row the filters select (not just the page).
    static func summary(_ db: Connection, where condition: ScopedCondition) throws -> [(String, JSONValue)]
    /// Adjusts a PATCH's merged object before it is read (e.g. reopening a task clears `done_on`).
    static func prepareMerge(_ merged: inout JSONObject, body: JSONObject)
}

extension ScopedResource {
    static var dateColumn: String? { nil }
    static var listQuery: [String] { [] }
    func computed(_ environment: ScopedEnvironment) -> [(String, JSONValue)] { [] }
    static func filters(_ query: QueryParameters, _ environment: ScopedEnvironment) throws(HTTPError) -> [ScopedCondition] { [] }
    static func summary(_ db: Connection, where condition: ScopedCondition) throws -> [(String, JSONValue)] { [] }
    static func prepareMerge(_ merged: inout JSONObject, body: JSONObject) {}
}

/// Conversions the four resources share. A namespace rather than extensions on `JSONValue` and
/// `Row`, so that they cannot clash with other resources' helpers in this module.
enum ScopedValues {
    static func int(_ value: Int) -> JSONValue { .number(JSONNumber(value)) }
    static func date(_ value: CalendarDate) -> JSONValue { .string(value.description) }
    static func string(_ value: String?) -> JSONValue { value.map(JSONValue.string) ?? .null }
    static func date(_ value: CalendarDate?) -> JSONValue { value.map(date) ?? .null }
    /// Yuan from integer fen, written exactly (`30` fen → `0.3`).
    static func yuan(fen: Int64) -> JSONValue { .number(JSONNumber(scaled: fen, decimals: 2)) }

    /// A stored `YYYY-MM-DD` column.
    static func date(_ row: Row, _ column: String) throws -> CalendarDate {
        guard let date = CalendarDate(parsing: try row.string(column)) else { throw StoredValueError(column: column) }
        return date
    }

    static func optionalDate(_ row: Row, _ column: String) throws -> CalendarDate? {
        try row.optionalString(column) == nil ? nil : try date(row, column)
    }

    /// A stored value the schema's checks should have made impossible (a 500, never client text).
    struct StoredValueError: Error, CustomStringConvertible {
        let column: String
        var description: String { "column \(column) holds a value outside its domain" }
    }
}
