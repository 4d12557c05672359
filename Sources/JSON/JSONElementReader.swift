/// Reads and validates one value that is not an object member: an array element or a map
/// value. Its ``path`` is e.g. `entries[3]`; problems go to ``errors``. A `null` element is a
/// `type` error, since elements have no "absent" to fall back to.
public struct JSONElementReader: Sendable {
    public let value: JSONValue
    public let path: String
    public private(set) var errors: [FieldError] = []

    public init(_ value: JSONValue, path: String) {
        self.value = value
        self.path = path
    }

    public var isValid: Bool { errors.isEmpty }

    /// Records a problem found by the caller at this element's path.
    public mutating func addError(code: String, message: String) {
        errors.append(FieldError(field: path, code: code, message: message))
    }

    public mutating func string(minLength: Int = 0, maxLength: Int? = nil) -> String? {
        FieldConversion.string(value, path, minLength: minLength, maxLength: maxLength, &errors)
    }

    public mutating func int(min: Int? = nil, max: Int? = nil) -> Int? {
        FieldConversion.int(value, path, min: min, max: max, &errors)
    }

    public mutating func bool() -> Bool? {
        FieldConversion.bool(value, path, &errors)
    }

    public mutating func scaled(decimals: Int, min: Int64? = nil, max: Int64? = nil) -> Int64? {
        FieldConversion.scaled(value, path, decimals: decimals, min: min, max: max, &errors)
    }

    public mutating func date() -> CalendarDate? {
        FieldConversion.date(value, path, &errors)
    }

    public mutating func enumValue(allowed: [String]) -> String? {
        FieldConversion.enumValue(value, path, mapping: { allowed.contains($0) ? $0 : nil }, listed: allowed, &errors)
    }

    public mutating func enumValue<T>(mapping: [String: T], listed: [String]) -> T? {
        FieldConversion.enumValue(value, path, mapping: { mapping[$0] }, listed: listed, &errors)
    }

    /// This element as an object read by `body`; see ``JSONFieldReader/object(_:allowedKeys:required:_:)``.
    public mutating func object<T>(allowedKeys: [String], _ body: (inout JSONFieldReader) -> T?) -> T? {
        Self.readObject(value, path, allowedKeys: allowedKeys, &errors, body)
    }

    /// This element as an array; see ``JSONFieldReader/array(_:required:minCount:maxCount:_:)``.
    public mutating func array<T>(minCount: Int = 0, maxCount: Int? = nil, _ element: (inout JSONElementReader) -> T?) -> [T]? {
        Self.readArray(value, path, minCount: minCount, maxCount: maxCount, &errors, element)
    }

    // MARK: Shared container reading

    static func readObject<T>(_ value: JSONValue, _ path: String, allowedKeys: [String], _ errors: inout [FieldError],
                              _ body: (inout JSONFieldReader) -> T?) -> T? {
        guard case .object(let object) = value else {
            errors.append(FieldConversion.typeError(path, expected: "an object", got: value))
            return nil
        }
        var reader = JSONFieldReader(object, allowedKeys: allowedKeys, path: path)
        let result = body(&reader)
        errors.append(contentsOf: reader.errors)
        return reader.errors.isEmpty ? result : nil
    }

    /// Count limits are checked first; an over-long array is not read element by element.
    static func readArray<T>(_ value: JSONValue, _ path: String, minCount: Int, maxCount: Int?, _ errors: inout [FieldError],
                             _ element: (inout JSONElementReader) -> T?) -> [T]? {
        guard case .array(let elements) = value else {
            errors.append(FieldConversion.typeError(path, expected: "an array", got: value))
            return nil
        }
        if let maxCount, elements.count > maxCount {
            errors.append(FieldError(field: path, code: FieldError.Code.tooLong, message: "must have at most \(maxCount) items"))
            return nil
        }
        if elements.count < minCount {
            let message = minCount == 1 ? "must not be empty" : "must have at least \(minCount) items"
            errors.append(FieldError(field: path, code: FieldError.Code.tooShort, message: message))
            return nil
        }
        var results: [T] = []
        results.reserveCapacity(elements.count)
        var failed = false
        for (offset, item) in elements.enumerated() {
            var reader = JSONElementReader(item, path: "\(path)[\(offset)]")
            let result = element(&reader)
            errors.append(contentsOf: reader.errors)
            if let result, reader.errors.isEmpty { results.append(result) } else { failed = true }
        }
        return failed ? nil : results
    }

    static func readMap<T>(_ value: JSONValue, _ path: String, allowedKeys: [String]?, _ errors: inout [FieldError],
                           _ body: (String, inout JSONElementReader) -> T?) -> [(key: String, value: T)]? {
        guard case .object(let object) = value else {
            errors.append(FieldConversion.typeError(path, expected: "an object", got: value))
            return nil
        }
        var results: [(key: String, value: T)] = []
        var failed = false
        for (key, member) in object {
            let memberPath = FieldConversion.join(path, key)
            if let allowedKeys, !allowedKeys.contains(key) {
                errors.append(FieldError(field: memberPath, code: FieldError.Code.invalidValue,
                                         message: "is not one of: \(allowedKeys.joined(separator: ", "))"))
                failed = true
                continue
            }
            var reader = JSONElementReader(member, path: memberPath)
            let result = body(key, &reader)
            errors.append(contentsOf: reader.errors)
            if let result, reader.errors.isEmpty { results.append((key, result)) } else { failed = true }
        }
        return failed ? nil : results
    }
}
