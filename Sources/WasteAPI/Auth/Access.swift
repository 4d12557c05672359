import WasteDomain

/// Who may call a route. Every route declares one; the role-matrix test walks them all.
public enum Access: Sendable, Equatable {
    /// No token needed (health checks, login, the dashboard page).
    case anyone
    /// Any authenticated user.
    case authenticated
    /// Only these roles; others get 403 (clerks reaching another institution get 404 in the handler).
    case roles(Set<Role>)
    /// These roles, and anonymous GETs when the server runs with `--public-read`.
    case publicRead(Set<Role>)

    public static let admin = Access.roles([.admin])
    public static let office = Access.roles([.admin, .inspector])
    public static let staff = Access.roles([.admin, .inspector, .clerk])
    /// Aggregates (rankings, statistics, published notices): every role, and the public with `--public-read`.
    public static let aggregates = Access.publicRead(Set(Role.allCases))

    /// Whether a caller with this role (nil: anonymous) may call the route.
    public func permits(_ role: Role?, publicReadEnabled: Bool) -> Bool {
        switch self {
        case .anyone: return true
        case .authenticated: return role != nil
        case .roles(let roles): return role.map(roles.contains) ?? false
        case .publicRead(let roles): return role.map(roles.contains) ?? publicReadEnabled
        }
    }

    /// Whether a request without a token is acceptable (before checking any token).
    public func allowsAnonymous(publicReadEnabled: Bool) -> Bool {
        switch self {
        case .anyone: true
        case .publicRead: publicReadEnabled
        case .authenticated, .roles: false
        }
    }

    /// The roles that may call the route, for documentation.
    public var roles: [Role] {
        switch self {
        case .anyone, .authenticated: Role.allCases
        case .roles(let roles), .publicRead(let roles): roles.sorted()
        }
    }
}
