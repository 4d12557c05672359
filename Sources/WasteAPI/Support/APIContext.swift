import HTTPCore
import JSON
import Routing
import WasteDomain

/// One request as a handler sees it: the routed request, the caller, and the services.
public struct APIContext: Sendable {
    public let request: Request
    /// Nil for anonymous calls to `anyone` or public-read routes.
    public let principal: Principal?
    public let services: Services

    public var parameters: PathParameters { request.parameters }
    public var now: Timestamp { services.clock.now() }

    /// The caller, for routes that require one (every route but `anyone`/public-read ones).
    public func caller() throws(HTTPError) -> Principal {
        guard let principal else { throw HTTPError.unauthorized() }
        return principal
    }

    /// Refuses a clerk access to any institution but its own, as a 404 (nothing leaks).
    public func requireInstitutionAccess(_ institutionID: Int64) throws(HTTPError) {
        guard let principal, principal.role == .clerk else { return }
        guard principal.institutionID == institutionID else { throw HTTPError.notFound() }
    }

    /// The institution a clerk is bound to, or nil for roles that see every institution.
    public var clerkInstitutionID: Int64? {
        principal?.role == .clerk ? principal?.institutionID : nil
    }

    public func query() throws(HTTPError) -> QueryParameters { try request.query() }

    /// Today in the district's time zone.
    func today() throws -> CalendarDate {
        now.date(utcOffsetMinutes: try services.settings.current().utcOffsetMinutes)
    }
}
