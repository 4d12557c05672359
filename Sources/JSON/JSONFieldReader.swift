/// Whether an object member is missing, explicitly `null`, or has a value — PATCH needs all three.
public enum FieldPresence: Sendable, Equatable {
    case absent
    case null
    case value
}

/// Reads and validates the members of one JSON object, collecting every problem in ``errors``.
///
/// Each accessor returns the converted value, or nil when the member is absent, `null`
/// (allowed unless `required`) or invalid — in the last case an error with the member's full
/// path is appended. Members not in `allowedKeys` are reported as `unknown_field` as soon as
/// the reader is created, so no finishing step can be forgotten.
///
///     var r = JSONFieldReader(body: value, allowedKeys: ["name", "weight_kg"])
///     let name = r.string("name", required: true, maxLength: 200)
///     let grams = r.scaled("weight_kg", decimals: 3, required: true, min: 1, max: 100_000_000)
///     guard r.errors.isEmpty, let name, let grams else { return .badRequest(r.errors) }
public struct JSONFieldReader: Sendable {
    public let object: JSONObject
    /// The prefix of every reported field, e.g. `entries[3]`; empty at the top level.
    public let path: String
    public private(set) var errors: [FieldError] = []

    /// A reader over `object`; unknown members are reported at once.
    public init(_ object: JSONObject, allowedKeys: [String], path: String = "") {
        self.object = object
        self.path = path
        for key in object.keys where !allowedKeys.contains(key) {
            errors.append(FieldError(field: FieldConversion.join(path, key), code: FieldError.Code.unknownField,
                                     message: "unknown field"))
        }
    }

    /// A reader over a request body; anything but an object is reported (at `path`, `""` for
    /// the whole body) and read as an empty object.
    public init(body: JSONValue, allowedKeys: [String], path: String = "") {
        guard case .object(let object) = body else {
            self.init(JSONObject(), allowedKeys: allowedKeys, path: path)
            errors.append(FieldConversion.typeError(path, expected: "a JSON object", got: body))
            return
        }
        self.init(object, allowedKeys: allowedKeys, path: path)
    }

    public var isValid: Bool { errors.isEmpty }

    /// The full path of a member of this object.
    public func path(of key: String) -> String { FieldConversion.join(path, key) }

    // MARK: Presence

    public func presence(_ key: String) -> FieldPresence {
        switch object[key] {
        case .none: .absent
        case .null?: .null
        case _?: .value
        }
    }

    /// Whether the member is present at all (even as `null`).
    public func has(_ key: String) -> Bool { object.contains(key) }

    /// Whether the member is present and explicitly `null`.
    public func isNull(_ key: String) -> Bool { presence(key) == .null }

    /// The raw member value (`.null` included), without checks.
    public func value(_ key: String) -> JSONValue? { object[key] }

    /// Records a problem found by the caller, e.g. a rule spanning two fields.
    public mutating func addError(_ key: String, code: String, message: String) {
        errors.append(FieldError(field: path(of: key), code: code, message: message))
    }

    /// Records errors gathered elsewhere (they keep their own paths).
    public mutating func append(contentsOf other: [FieldError]) {
        errors.append(contentsOf: other)
    }

    // MARK: Scalars

    /// A text field, trimmed, in NFC, refused when it holds control or format characters
    /// (``TextNormalization``): the one place every resource's text passes through. `multiline`
    /// (default: the free-text members in ``multilineKeys``) also allows line feeds and tabs.
    public mutating func string(_ key: String, required: Bool = false, minLength: Int = 0, maxLength: Int? = nil,
                                multiline: Bool? = nil) -> String? {
        let multiline = multiline ?? Self.multilineKeys.contains(key)
        return member(key, required) { v, p, e in
            FieldConversion.string(v, p(), minLength: minLength, maxLength: maxLength, multiline: multiline, &e)
        }
    }

    /// A string exactly as sent, without normalisation: for secrets (passwords), which are
    /// hashed as their bytes.
    public mutating func rawString(_ key: String, required: Bool = false, minLength: Int = 0, maxLength: Int? = nil) -> String? {
        member(key, required) { v, p, e in FieldConversion.string(v, p(), minLength: minLength, maxLength: maxLength, raw: true, &e) }
    }

    /// Members that hold free text written by people in several lines (a ledger note, a
    /// finding's description) or may be set out in lines (a postal address): they may contain
    /// line feeds and tabs. Every other text is one line.
    public static let multilineKeys: Set<String> = ["note", "notes", "description", "remarks", "comment", "content", "body", "reason", "summary",
                                                    "address"]

    /// An integer; `12.0` and `1.2e1` count as 12, `12.5` is a `type` error.
    public mutating func int(_ key: String, required: Bool = false, min: Int? = nil, max: Int? = nil) -> Int? {
        member(key, required) { v, p, e in FieldConversion.int(v, p(), min: min, max: max, &e) }
    }

    public mutating func bool(_ key: String, required: Bool = false) -> Bool? {
        member(key, required) { v, p, e in FieldConversion.bool(v, p(), &e) }
    }

    /// A decimal as an exact integer of `10^-decimals` units: kilograms with 3 decimals → grams.
    /// `min`/`max` are in those units (`min: 1` means "> 0" for weights).
    public mutating func scaled(_ key: String, decimals: Int, required: Bool = false, min: Int64? = nil, max: Int64? = nil) -> Int64? {
        member(key, required) { v, p, e in FieldConversion.scaled(v, p(), decimals: decimals, min: min, max: max, &e) }
    }

    /// A `YYYY-MM-DD` string naming a real date.
    public mutating func date(_ key: String, required: Bool = false) -> CalendarDate? {
        member(key, required) { v, p, e in FieldConversion.date(v, p(), &e) }
    }

    /// A string that must be one of `allowed` (exact match).
    public mutating func enumValue(_ key: String, allowed: [String], required: Bool = false) -> String? {
        member(key, required) { v, p, e in
            FieldConversion.enumValue(v, p(), mapping: { allowed.contains($0) ? $0 : nil }, listed: allowed, &e)
        }
    }

    /// A string naming a case of `T` by raw value.
    public mutating func enumValue<T: RawRepresentable & CaseIterable>(_ key: String, as type: T.Type, required: Bool = false) -> T?
    where T.RawValue == String {
        member(key, required) { v, p, e in
            FieldConversion.enumValue(v, p(), mapping: T.init(rawValue:), listed: T.allCases.map(\.rawValue), &e)
        }
    }

    /// A string looked up in `mapping` (codes plus aliases such as 厨余 → food); the error
    /// message lists `listed` (typically just the codes).
    public mutating func enumValue<T>(_ key: String, mapping: [String: T], listed: [String], required: Bool = false) -> T? {
        member(key, required) { v, p, e in FieldConversion.enumValue(v, p(), mapping: { mapping[$0] }, listed: listed, &e) }
    }

    // MARK: Containers

    /// A nested object read by `body` with a reader whose path is this member's path. The result
    /// is nil unless the nested object produced no errors; its errors join this reader's.
    public mutating func object<T>(_ key: String, allowedKeys: [String], required: Bool = false,
                                   _ body: (inout JSONFieldReader) -> T?) -> T? {
        member(key, required) { v, p, e in JSONElementReader.readObject(v, p(), allowedKeys: allowedKeys, &e, body) }
    }

    /// An array whose elements `element` reads, each with the path `key[i]`. The result is nil
    /// unless every element was read without errors; all elements' errors are collected.
    public mutating func array<T>(_ key: String, required: Bool = false, minCount: Int = 0, maxCount: Int? = nil,
                                  _ element: (inout JSONElementReader) -> T?) -> [T]? {
        member(key, required) { v, p, e in
            JSONElementReader.readArray(v, p(), minCount: minCount, maxCount: maxCount, &e, element)
        }
    }

    /// An object used as a map with caller-defined keys (e.g. `bins: {food: {...}}`); each
    /// value is read by `body` with the path `key.member`. Keys outside `allowedKeys`, when
    /// given, are `invalid_value` errors. Nil unless every member was read without errors.
    public mutating func map<T>(_ key: String, allowedKeys: [String]? = nil, required: Bool = false,
                                _ body: (String, inout JSONElementReader) -> T?) -> [(key: String, value: T)]? {
        member(key, required) { v, p, e in JSONElementReader.readMap(v, p(), allowedKeys: allowedKeys, &e, body) }
    }

    // MARK: Plumbing

    /// Handles absence and `null`, then converts a present value. The member's full path is
    /// built only when something reports an error (a batch reads thousands of valid fields).
    private mutating func member<T>(_ key: String, _ required: Bool,
                                    _ convert: (JSONValue, () -> String, inout [FieldError]) -> T?) -> T? {
        let prefix = path
        let fieldPath = { FieldConversion.join(prefix, key) }
        switch object[key] {
        case .none:
            if required { errors.append(FieldError(field: fieldPath(), code: FieldError.Code.required, message: "is required")) }
            return nil
        case .null?:
            if required { errors.append(FieldError(field: fieldPath(), code: FieldError.Code.required, message: "must not be null")) }
            return nil
        case let value?:
            return convert(value, fieldPath, &errors)
        }
    }
}
