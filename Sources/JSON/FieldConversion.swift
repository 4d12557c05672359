/// The value checks shared by ``JSONFieldReader`` (object members) and ``JSONElementReader``
/// (array elements, map values). Each returns the converted value or appends one error.
enum FieldConversion {
    static func join(_ prefix: String, _ key: String) -> String {
        // An empty key names the object itself (an error about the object as a whole).
        prefix.isEmpty ? key : key.isEmpty ? prefix : prefix + "." + key
    }

    static func typeError(_ path: String, expected: String, got value: JSONValue) -> FieldError {
        FieldError(field: path, code: FieldError.Code.type, message: "must be \(expected) (got \(value.typeName))")
    }

    /// `maxLength`/`minLength` count characters as users see them (grapheme clusters), after
    /// ``TextNormalization`` (trimmed, NFC, no control or format characters); `raw` skips it
    /// (passwords are compared as sent).
    static func string(_ value: JSONValue, _ path: @autoclosure () -> String, minLength: Int, maxLength: Int?,
                       multiline: Bool = false, raw: Bool = false, _ errors: inout [FieldError]) -> String? {
        guard case .string(let sent) = value else {
            errors.append(typeError(path(), expected: "a string", got: value))
            return nil
        }
        var text = sent
        if !raw {
            // Hostile lengths are refused before normalising (below, again, after it).
            if let maxLength, sent.utf8.count > maxLength * 4 + 64 + 1024 {
                errors.append(FieldError(field: path(), code: FieldError.Code.tooLong, message: "must be at most \(maxLength) characters"))
                return nil
            }
            switch TextNormalization.normalize(sent, multiline: multiline) {
            case .success(let normalized): text = normalized
            case .failure(let problem):
                errors.append(FieldError(field: path(), code: FieldError.Code.invalidValue, message: problem.message))
                return nil
            }
        }
        // Strings longer in bytes than 4 × maxLength + 64 are too long whatever they contain;
        // checking that first keeps counting graphemes of hostile input bounded.
        if let maxLength, text.utf8.count > maxLength * 4 + 64 || text.count > maxLength {
            errors.append(FieldError(field: path(), code: FieldError.Code.tooLong, message: "must be at most \(maxLength) characters"))
            return nil
        }
        if minLength > 0, text.count < minLength {
            let message = minLength == 1 ? "must not be empty" : "must be at least \(minLength) characters"
            errors.append(FieldError(field: path(), code: FieldError.Code.tooShort, message: message))
            return nil
        }
        return text
    }

    static func bool(_ value: JSONValue, _ path: @autoclosure () -> String, _ errors: inout [FieldError]) -> Bool? {
        guard case .bool(let flag) = value else {
            errors.append(typeError(path(), expected: "true or false", got: value))
            return nil
        }
        return flag
    }

    /// Any number whose exact value is an integer is accepted (`12`, `12.0`, `1.2e1`).
    static func int(_ value: JSONValue, _ path: @autoclosure () -> String, min: Int?, max: Int?, _ errors: inout [FieldError]) -> Int? {
        guard case .number(let number) = value else {
            errors.append(typeError(path(), expected: "an integer", got: value))
            return nil
        }
        switch number.scaledInteger(decimals: 0) {
        case .tooManyDecimals:
            errors.append(FieldError(field: path(), code: FieldError.Code.type, message: "must be an integer"))
            return nil
        case .outOfRange:
            errors.append(rangeError(path(), min: min.map(Int64.init), max: max.map(Int64.init), decimals: 0))
            return nil
        case .value(let integer):
            guard inRange(integer, min: min.map(Int64.init), max: max.map(Int64.init)) else {
                errors.append(rangeError(path(), min: min.map(Int64.init), max: max.map(Int64.init), decimals: 0))
                return nil
            }
            return Int(integer)
        }
    }

    /// A decimal converted exactly to an integer count of `10^-decimals` units (grams, fen);
    /// `min` and `max` are in those units.
    static func scaled(_ value: JSONValue, _ path: @autoclosure () -> String, decimals: Int, min: Int64?, max: Int64?, _ errors: inout [FieldError]) -> Int64? {
        guard case .number(let number) = value else {
            errors.append(typeError(path(), expected: "a number", got: value))
            return nil
        }
        switch number.scaledInteger(decimals: decimals) {
        case .tooManyDecimals:
            let message = decimals == 0 ? "must be a whole number" : "must have at most \(decimals) decimal places"
            errors.append(FieldError(field: path(), code: FieldError.Code.tooManyDecimals, message: message))
            return nil
        case .outOfRange:
            errors.append(rangeError(path(), min: min, max: max, decimals: decimals))
            return nil
        case .value(let scaled):
            guard inRange(scaled, min: min, max: max) else {
                errors.append(rangeError(path(), min: min, max: max, decimals: decimals))
                return nil
            }
            return scaled
        }
    }

    static func date(_ value: JSONValue, _ path: @autoclosure () -> String, _ errors: inout [FieldError]) -> CalendarDate? {
        guard case .string(let text) = value else {
            errors.append(typeError(path(), expected: "a date string (YYYY-MM-DD)", got: value))
            return nil
        }
        guard let date = CalendarDate(parsing: text) else {
            errors.append(FieldError(field: path(), code: FieldError.Code.invalidFormat,
                                     message: "must be a real calendar date in the form YYYY-MM-DD"))
            return nil
        }
        return date
    }

    /// Looks `value` up in `mapping`; the message lists `listed`, which is built only for an
    /// error (a batch of 1000 entries reads thousands of enums that are almost always valid).
    static func enumValue<T>(_ value: JSONValue, _ path: @autoclosure () -> String, mapping: (String) -> T?, listed: @autoclosure () -> [String],
                             _ errors: inout [FieldError]) -> T? {
        guard case .string(let text) = value else {
            errors.append(typeError(path(), expected: "a string", got: value))
            return nil
        }
        guard let mapped = mapping(text) else {
            errors.append(FieldError(field: path(), code: FieldError.Code.invalidValue,
                                     message: "must be one of: \(listed().joined(separator: ", "))"))
            return nil
        }
        return mapped
    }

    private static func inRange(_ value: Int64, min: Int64?, max: Int64?) -> Bool {
        if let min, value < min { return false }
        if let max, value > max { return false }
        return true
    }

    private static func rangeError(_ path: String, min: Int64?, max: Int64?, decimals: Int) -> FieldError {
        let message: String
        switch (min, max) {
        case let (min?, max?): message = "must be between \(format(min, decimals)) and \(format(max, decimals))"
        case let (min?, nil): message = "must be at least \(format(min, decimals))"
        case let (nil, max?): message = "must be at most \(format(max, decimals))"
        case (nil, nil): message = "is too large"
        }
        return FieldError(field: path, code: FieldError.Code.outOfRange, message: message)
    }

    private static func format(_ value: Int64, _ decimals: Int) -> String {
        JSONNumber(scaled: value, decimals: decimals).text
    }
}
