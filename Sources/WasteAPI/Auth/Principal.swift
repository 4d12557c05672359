import WasteDomain

/// The authenticated caller of a request.
public struct Principal: Sendable, Equatable {
    public let userID: Int64
    public let username: String
    public let role: Role
    /// The clerk's institution; nil for other roles.
    public let institutionID: Int64?
    /// The token the request carried (to revoke "the current session").
    public let tokenID: Int64
    public let tokenKind: String
    /// A session issued to a user who must set up TOTP before anything else (`require_totp_for`):
    /// it may only enrol, confirm, read `/v1/me` and log out (see `SecondFactor`).
    public var enrolmentOnly = false
}
