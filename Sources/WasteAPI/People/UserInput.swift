import JSON
import WasteDomain

/// A user to create, with every field already checked for shape (the institution's existence
/// is checked against the database by ``UserStore``).
struct UserDraft: Sendable {
    var username: String
    var displayName: String
    var role: Role
    var institutionID: Int64?
    var password: String
    var active: Bool
}

/// The changes a PATCH asks for: nil leaves a field alone. `institutionID` is doubly optional
/// because `null` (clear it) differs from absent (keep it).
struct UserChanges: Sendable {
    var username: String?
    var displayName: String?
    var role: Role?
    var institutionID: Int64??
    var password: String?
    var active: Bool?
}

/// Reads user bodies for the API and the command line alike, so both apply the same rules.
enum UserInput {
    static let fields = ["username", "display_name", "role", "institution_id", "password", "active"]
    static let usernameLength = 3...64
    static let passwordLength = PasswordPolicy.length
    static let displayNameMaxLength = 100

    /// A new user from a POST body; every bad field is reported at once.
    static func create(_ object: JSONObject) -> (draft: UserDraft?, errors: [FieldError]) {
        var reader = JSONFieldReader(object, allowedKeys: fields)
        let username = readUsername(&reader, required: true)
        let displayName = reader.string("display_name", required: true, minLength: 1, maxLength: displayNameMaxLength)
        let role = reader.enumValue("role", as: Role.self, required: true)
        let institutionID = reader.int("institution_id", min: 1).map(Int64.init)
        let password = readPassword(&reader, required: true, username: username)
        let active = reader.bool("active") ?? true
        if let role { checkInstitutionPresence(&reader, role: role, institutionID: institutionID) }
        guard reader.isValid, let username, let displayName, let role, let password else { return (nil, reader.errors) }
        let draft = UserDraft(username: username, displayName: displayName, role: role, institutionID: institutionID,
                              password: password, active: active)
        return (draft, [])
    }

    /// The changes of a PATCH body; role/institution consistency is checked against the
    /// stored user by ``UserStore`` once the merged result is known.
    static func changes(_ object: JSONObject) -> (changes: UserChanges?, errors: [FieldError]) {
        var reader = JSONFieldReader(object, allowedKeys: fields)
        var changes = UserChanges()
        changes.username = readUsername(&reader, required: false)
        changes.displayName = reader.string("display_name", minLength: 1, maxLength: displayNameMaxLength)
        changes.role = reader.enumValue("role", as: Role.self)
        let institutionID = reader.int("institution_id", min: 1).map(Int64.init)
        if reader.has("institution_id") { changes.institutionID = .some(institutionID) }
        changes.password = readPassword(&reader, required: false, username: nil)
        changes.active = reader.bool("active")
        for key in ["username", "display_name", "role", "password", "active"] where reader.isNull(key) {
            reader.addError(key, code: FieldError.Code.invalidValue, message: "must not be null")
        }
        guard reader.isValid else { return (nil, reader.errors) }
        return (changes, [])
    }

    /// 3–64 of `A–Z a–z 0–9 . _ -`: safe in URLs, logs and CSV files, and unambiguous to type.
    static func usernameProblem(_ username: String) -> String? {
        guard usernameLength.contains(username.utf8.count) else {
            return "must be \(usernameLength.lowerBound) to \(usernameLength.upperBound) characters"
        }
        let allowed = username.utf8.allSatisfy { byte in
            (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
                || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "-")
        }
        return allowed ? nil : "may contain only letters A-Z and a-z, digits, '.', '_' and '-'"
    }

    /// Clerks need an institution; other roles must not have one (docs/API.md).
    static func institutionProblem(role: Role, institutionID: Int64?) -> String? {
        switch (role, institutionID) {
        case (.clerk, nil): "is required for clerks: a clerk belongs to exactly one institution"
        case (.clerk, _?): nil
        case (_, nil): nil
        case (let other, _?): "must be null for the \(other.rawValue) role; only clerks belong to an institution"
        }
    }

    private static func readUsername(_ reader: inout JSONFieldReader, required: Bool) -> String? {
        guard let username = reader.string("username", required: required, maxLength: 1000) else { return nil }
        if let problem = usernameProblem(username) {
            let code = username.utf8.count < usernameLength.lowerBound ? FieldError.Code.tooShort
                : username.utf8.count > usernameLength.upperBound ? FieldError.Code.tooLong : FieldError.Code.invalidFormat
            reader.addError("username", code: code, message: problem)
            return nil
        }
        return username
    }

    /// The password, checked against ``PasswordPolicy`` (the username too when it is known).
    private static func readPassword(_ reader: inout JSONFieldReader, required: Bool, username: String?) -> String? {
        guard let password = reader.rawString("password", required: required, maxLength: passwordLength.upperBound) else {
            return nil
        }
        if let problem = PasswordPolicy.problem(password, username: username, field: reader.path(of: "password")) {
            reader.append(contentsOf: [problem])
            return nil
        }
        return password
    }

    private static func checkInstitutionPresence(_ reader: inout JSONFieldReader, role: Role, institutionID: Int64?) {
        guard reader.errors.allSatisfy({ $0.field != "institution_id" }),
              let problem = institutionProblem(role: role, institutionID: institutionID) else { return }
        let code = institutionID == nil ? FieldError.Code.required : FieldError.Code.invalidValue
        reader.addError("institution_id", code: code, message: problem)
    }
}
