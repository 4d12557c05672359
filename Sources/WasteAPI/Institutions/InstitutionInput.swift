import JSON
import WasteDomain

/// Validates an institution body (a JSON request or one CSV row turned into an object) onto
/// a starting value: ``InstitutionFields/blank`` when creating, the stored fields when
/// patching. Every bad field is reported at once, each under the reader's path.
///
/// Members absent from the object keep the starting value; explicit `null` clears an
/// optional field and is an error for the fields the schema requires. An empty string in
/// an optional text field is stored as `null` (so a CSV round trip cannot tell them apart).
struct InstitutionInput {
    private var reader: JSONFieldReader
    private var fields: InstitutionFields
    private let creating: Bool

    static let maxNameLength = 100
    static let maxCodeLength = 32

    /// Applies `object` onto `base` (nil: create). Returns the fields, or every problem.
    static func read(_ object: JSONObject, onto base: InstitutionFields?, path: String = "") -> Result<InstitutionFields, ValidationFailure> {
        var input = InstitutionInput(reader: JSONFieldReader(object, allowedKeys: InstitutionFields.names, path: path),
                                     fields: base ?? .blank, creating: base == nil)
        input.readAll()
        guard input.reader.isValid else { return .failure(ValidationFailure(errors: input.reader.errors)) }
        return .success(input.fields)
    }

    struct ValidationFailure: Error {
        let errors: [FieldError]
    }

    private mutating func readAll() {
        required("code", \.code) { r in Self.code(&r) }
        required("name", \.name) { r in Self.name(&r) }
        required("kind", \.kind) { r in r.enumValue("kind", mapping: Self.kinds, listed: InstitutionKind.allCases.map(\.rawValue)) }
        optionalText("parent_department", \.parentDepartment, maxLength: 100)
        optionalText("address", \.address, maxLength: 200)
        required("headcount", \.headcount) { r in r.int("headcount", min: 0, max: 1_000_000) }
        required("floors", \.floors) { r in r.int("floors", min: 0, max: 300) }
        required("has_canteen", \.hasCanteen) { r in r.bool("has_canteen") }
        optional("building_area_m2", \.buildingAreaCentiM2) { r in
            r.scaled("building_area_m2", decimals: 2, min: 0, max: 100_000_000_000)
        }
        optionalText("contact_name", \.contactName, maxLength: 50)
        optional("contact_phone", \.contactPhone) { r in Self.phone(&r) }
        if fields.contactPhone == "" { fields.contactPhone = nil }
        optional("working_body_established_on", \.workingBodyEstablishedOn) { r in r.date("working_body_established_on")?.description }
        optional("plan_submitted_on", \.planSubmittedOn) { r in r.date("plan_submitted_on")?.description }
        required("status", \.status) { r in r.enumValue("status", as: InstitutionStatus.self) }
    }

    /// Codes and Chinese names both name a kind on input; output always uses the code.
    static let kinds: [String: InstitutionKind] = Dictionary(
        uniqueKeysWithValues: InstitutionKind.allCases.map { ($0.rawValue, $0) } + InstitutionKind.allCases.map { ($0.chineseName, $0) })

    // MARK: Presence rules

    /// A field the schema requires: needed on create (code, name, kind), never `null`.
    private mutating func required<T>(_ key: String, _ keyPath: WritableKeyPath<InstitutionFields, T>,
                                      _ convert: (inout JSONFieldReader) -> T?) {
        switch reader.presence(key) {
        case .absent:
            if creating && InstitutionFields.requiredNames.contains(key) {
                reader.addError(key, code: FieldError.Code.required, message: "is required")
            }
        case .null:
            reader.addError(key, code: FieldError.Code.required, message: "must not be null")
        case .value:
            if let value = convert(&reader) { fields[keyPath: keyPath] = value }
        }
    }

    private mutating func optional<T>(_ key: String, _ keyPath: WritableKeyPath<InstitutionFields, T?>,
                                      _ convert: (inout JSONFieldReader) -> T?) {
        switch reader.presence(key) {
        case .absent: return
        case .null: fields[keyPath: keyPath] = nil
        case .value: if let value = convert(&reader) { fields[keyPath: keyPath] = value }
        }
    }

    private mutating func optionalText(_ key: String, _ keyPath: WritableKeyPath<InstitutionFields, String?>, maxLength: Int) {
        optional(key, keyPath) { r in r.string(key, maxLength: maxLength) }
        if fields[keyPath: keyPath] == "" { fields[keyPath: keyPath] = nil }
    }

    // MARK: Formats

    private static func code(_ r: inout JSONFieldReader) -> String? {
        guard let code = r.string("code", minLength: 1, maxLength: maxCodeLength) else { return nil }
        guard code.unicodeScalars.allSatisfy(isCodeScalar) else {
            r.addError("code", code: FieldError.Code.invalidFormat,
                       message: "must be 1 to \(maxCodeLength) letters, digits, '-', '_' or '.'")
            return nil
        }
        return code
    }

    private static func isCodeScalar(_ scalar: Unicode.Scalar) -> Bool {
        scalar.isASCII && (("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar)
                           || scalar == "-" || scalar == "_" || scalar == ".")
    }

    private static func name(_ r: inout JSONFieldReader) -> String? {
        guard let name = r.string("name", minLength: 1, maxLength: maxNameLength) else { return nil }
        guard name.contains(where: { !$0.isWhitespace }) else {
            r.addError("name", code: FieldError.Code.tooShort, message: "must not be blank")
            return nil
        }
        return name
    }

    private static func phone(_ r: inout JSONFieldReader) -> String? {
        guard let phone = r.string("contact_phone", maxLength: 32) else { return nil }
        guard phone.unicodeScalars.allSatisfy({ $0.isASCII && ("0123456789 +-()".unicodeScalars.contains($0)) }) else {
            r.addError("contact_phone", code: FieldError.Code.invalidFormat,
                       message: "may hold only digits, spaces and + - ( )")
            return nil
        }
        return phone
    }
}
