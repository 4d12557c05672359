import JSON

/// What a new password must be (docs/API.md, Logins): 10 to 1024 characters, not the username, and not one
/// of the 10,000 most common passwords (``CommonPasswords``), letter case ignored in both.
/// Applied wherever a password is set: user creation (API and command line), an admin's PATCH,
/// and `POST /v1/me/password`. Existing passwords keep working until they are changed.
enum PasswordPolicy {
    static let length = 10...1024

    /// The problem with a new password, as a field error at `field`; nil when it is acceptable.
    /// `username` is nil when it is not known yet (checked again once it is).
    static func problem(_ password: String, username: String?, field: String = "password") -> FieldError? {
        if password.count < length.lowerBound {
            return FieldError(field: field, code: FieldError.Code.tooShort,
                              message: "must be at least \(length.lowerBound) characters")
        }
        if password.count > length.upperBound {
            return FieldError(field: field, code: FieldError.Code.tooLong,
                              message: "must be at most \(length.upperBound) characters")
        }
        if let username, password.lowercased() == username.lowercased() {
            return FieldError(field: field, code: FieldError.Code.invalidValue, message: "must not be the username")
        }
        if CommonPasswords.contains(password) {
            return FieldError(field: field, code: FieldError.Code.invalidValue,
                              message: "is one of the 10,000 most common passwords; choose a longer or less usual one")
        }
        return nil
    }
}
