import Hashing
import JSON
import Routing
import Storage
import WasteDomain

/// The optional TOTP second factor (docs/API.md, Logins; RFC 6238: HMAC-SHA1, 6 digits, 30 s, ±1 step).
///
/// A user turns it on with `POST /v1/me/totp` (a secret) and `POST /v1/me/totp/confirm` (a code
/// from the app). From then on a login needs `totp`, and each time step is accepted once: the
/// last used step is stored with the secret and moved forward in the transaction that issues
/// the session, so a code seen over a shoulder or in a log cannot be replayed.
///
/// When settings `require_totp_for` lists a user's role and the user has no TOTP yet, the right
/// password yields an enrolment-only session (15 minutes) that may only set TOTP up, read
/// `/v1/me` and log out: the user is never locked out, and never works without the second factor
/// (docs/DECISIONS.md "Security, second round").
enum SecondFactor {
    static let enrolmentSessionName = "totp-enrolment"
    static let enrolmentLifetime: Int64 = 15 * 60
    static let enrolmentRoutes: Set<String> = ["/v1/me", "/v1/me/totp", "/v1/me/totp/confirm", "/v1/sessions/current"]

    struct State: Sendable {
        let secret: [UInt8]
        let enabled: Bool
        let lastStep: Int64
    }

    static func load(_ db: Connection, userID: Int64) throws -> State? {
        guard let row = try db.queryOne("SELECT secret, enabled_at, last_step FROM user_totp WHERE user_id = ?", [userID]),
              let secret = Base32.decode(try row.string("secret")) else { return nil }
        return State(secret: secret, enabled: try row.optionalString("enabled_at") != nil, lastStep: try row.int64("last_step"))
    }

    /// 403 for an enrolment-only session outside the enrolment routes.
    static func requireFullSession(_ principal: Principal, _ request: Request) throws(HTTPError) {
        guard principal.enrolmentOnly, !enrolmentRoutes.contains(request.route.text) else { return }
        throw HTTPError.forbidden("your role must log in with a TOTP code: set it up with POST /v1/me/totp and "
            + "POST /v1/me/totp/confirm, then log in again")
    }

    /// What a login with the right password still needs.
    enum Outcome: Equatable {
        /// No second factor: a normal session.
        case none
        /// A valid, unused code for this step: a normal session that consumes the step.
        case code(step: Int64)
        /// TOTP is mandatory for the role but not set up: an enrolment-only session.
        case enrolment
    }

    /// Checks `totp` for a user whose password was right. Throws 401 naming `totp` when a code
    /// is needed and missing, wrong or already used (`wrongCode` tells the caller to count it
    /// as a failed login).
    static func outcome(_ state: State?, code: String?, role: Role, settings: DistrictSettings,
                        now: Timestamp) throws(Failure) -> Outcome {
        guard let state, state.enabled else {
            return settings.requireTOTPFor.contains(role) ? .enrolment : .none
        }
        guard let code, !code.isEmpty else {
            throw Failure(error: problem(FieldError.Code.required, "is required: this account logs in with a TOTP code"),
                          countsAsFailure: false)
        }
        guard let step = OneTimePassword.matchingStep(secret: state.secret, code: code, at: now.secondsSinceEpoch) else {
            throw Failure(error: problem(FieldError.Code.invalidValue, "is wrong or expired"), countsAsFailure: true)
        }
        guard step > state.lastStep else {
            throw Failure(error: problem(FieldError.Code.invalidValue, "was already used; wait for the next code"),
                          countsAsFailure: true)
        }
        return .code(step: step)
    }

    struct Failure: Error {
        let error: HTTPError
        let countsAsFailure: Bool
    }

    /// Moves the last used step forward, inside the session's write; false when another login
    /// used this step (or a later one) first.
    static func consume(_ db: Connection, userID: Int64, step: Int64) throws -> Bool {
        try db.execute("UPDATE user_totp SET last_step = ? WHERE user_id = ? AND last_step < ? AND enabled_at IS NOT NULL",
                       [step, userID, step])
        return db.changes == 1
    }

    static func replayed() -> HTTPError {
        problem(FieldError.Code.invalidValue, "was already used; wait for the next code")
    }

    private static func problem(_ code: String, _ message: String) -> HTTPError {
        var error = HTTPError.unauthorized("the TOTP code \(message.hasPrefix("is required") ? "is missing" : message)")
        error.errors = [FieldError(field: "totp", code: code, message: message)]
        return error
    }
}
