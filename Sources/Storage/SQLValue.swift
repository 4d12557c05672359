import Foundation

/// One SQLite value, as stored in a column or bound to a `?` parameter.
public enum SQLValue: Sendable, Hashable {
    case null
    case integer(Int64)
    case real(Double)
    case text(String)
    case blob([UInt8])

    /// `true` for `.null`.
    public var isNull: Bool {
        if case .null = self { return true }
        return false
    }

    /// The storage class name SQLite uses, for error messages that must not show the value itself.
    public var kindName: String {
        switch self {
        case .null: "NULL"
        case .integer: "INTEGER"
        case .real: "REAL"
        case .text: "TEXT"
        case .blob: "BLOB"
        }
    }
}

extension SQLValue: ExpressibleByNilLiteral {
    public init(nilLiteral: ()) { self = .null }
}

extension SQLValue: ExpressibleByIntegerLiteral {
    public init(integerLiteral value: Int64) { self = .integer(value) }
}

extension SQLValue: ExpressibleByFloatLiteral {
    public init(floatLiteral value: Double) { self = .real(value) }
}

extension SQLValue: ExpressibleByStringLiteral {
    public init(stringLiteral value: String) { self = .text(value) }
}

extension SQLValue: ExpressibleByBooleanLiteral {
    public init(booleanLiteral value: Bool) { self = .integer(value ? 1 : 0) }
}

// MARK: - Conversion to SQL

/// A Swift value that can be bound to a statement parameter.
///
/// Call sites pass heterogeneous arrays: `try db.execute("INSERT INTO t VALUES (?, ?)", [name, 3])`.
public protocol SQLValueConvertible {
    var sqlValue: SQLValue { get }
}

extension SQLValue: SQLValueConvertible {
    public var sqlValue: SQLValue { self }
}

extension Int: SQLValueConvertible {
    public var sqlValue: SQLValue { .integer(Int64(self)) }
}

extension Int64: SQLValueConvertible {
    public var sqlValue: SQLValue { .integer(self) }
}

extension Int32: SQLValueConvertible {
    public var sqlValue: SQLValue { .integer(Int64(self)) }
}

/// Booleans are stored as 0 and 1, SQLite's own convention.
extension Bool: SQLValueConvertible {
    public var sqlValue: SQLValue { .integer(self ? 1 : 0) }
}

extension Double: SQLValueConvertible {
    public var sqlValue: SQLValue { .real(self) }
}

extension String: SQLValueConvertible {
    public var sqlValue: SQLValue { .text(self) }
}

extension Substring: SQLValueConvertible {
    public var sqlValue: SQLValue { .text(String(self)) }
}

extension Array: SQLValueConvertible where Element == UInt8 {
    public var sqlValue: SQLValue { .blob(self) }
}

extension Data: SQLValueConvertible {
    public var sqlValue: SQLValue { .blob([UInt8](self)) }
}

/// `nil` binds NULL.
extension Optional: SQLValueConvertible where Wrapped: SQLValueConvertible {
    public var sqlValue: SQLValue {
        switch self {
        case .none: .null
        case .some(let wrapped): wrapped.sqlValue
        }
    }
}

// MARK: - Conversion from SQL

/// A Swift type that can be read from a column value; `nil` means the value does not fit the type.
public protocol SQLValueDecodable {
    static func decode(from value: SQLValue) -> Self?
}

extension Int64: SQLValueDecodable {
    /// Accepts integers and integral reals (a REAL column holding `3.0`); never text.
    public static func decode(from value: SQLValue) -> Int64? {
        switch value {
        case .integer(let i): return i
        case .real(let d): return Int64(exactly: d)
        default: return nil
        }
    }
}

extension Int: SQLValueDecodable {
    public static func decode(from value: SQLValue) -> Int? {
        Int64.decode(from: value).flatMap { Int(exactly: $0) }
    }
}

extension Bool: SQLValueDecodable {
    /// Any non-zero integer is true, as in SQLite's own boolean expressions.
    public static func decode(from value: SQLValue) -> Bool? {
        Int64.decode(from: value).map { $0 != 0 }
    }
}

extension Double: SQLValueDecodable {
    public static func decode(from value: SQLValue) -> Double? {
        switch value {
        case .real(let d): return d
        case .integer(let i): return Double(i)
        default: return nil
        }
    }
}

extension String: SQLValueDecodable {
    public static func decode(from value: SQLValue) -> String? {
        if case .text(let s) = value { return s }
        return nil
    }
}

extension Array: SQLValueDecodable where Element == UInt8 {
    public static func decode(from value: SQLValue) -> [UInt8]? {
        if case .blob(let b) = value { return b }
        return nil
    }
}

extension Data: SQLValueDecodable {
    public static func decode(from value: SQLValue) -> Data? {
        if case .blob(let b) = value { return Data(b) }
        return nil
    }
}
