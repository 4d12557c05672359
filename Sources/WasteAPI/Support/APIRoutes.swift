import HTTPCore
import Routing
import WasteDomain

/// What the OpenAPI document and the role-matrix test need to know about a route.
public struct RouteDoc: Sendable {
    public let method: HTTPMethod
    public let path: String
    public let access: Access
    public let summary: String
    public let tag: String
    /// Query parameters the route accepts.
    public let query: [String]
    /// Name of the request body schema, when the route takes a body.
    public let body: String?
    /// Media type of the body when it is not JSON (e.g. `text/csv` imports).
    public let bodyMediaType: String?
    /// Status of the success response.
    public let success: Int
    /// Name of the success response schema, if any.
    public let response: String?
    /// Whether the route also answers CSV and xlsx (``ListFormat``).
    public var spreadsheets = false
}

/// Registers API routes with their access rule and documentation in one call, so that no
/// route can exist without both. Authentication and the access check wrap every handler.
public struct APIRoutes: Sendable {
    public private(set) var table = RouteTable()
    public private(set) var docs: [RouteDoc] = []
    let services: Services

    init(services: Services) {
        self.services = services
    }

    public typealias Handler = @Sendable (APIContext) throws -> HTTPResponse
    /// An answer from memory on the I/O thread, or nil to run the handler on a worker.
    public typealias FastPath = @Sendable (APIContext) throws -> HTTPResponse?

    mutating func add(_ method: HTTPMethod, _ path: String, access: Access, summary: String, tag: String,
                      query: [String] = [], body: String? = nil, bodyMediaType: String? = nil,
                      success: Int = 200, response: String? = nil, spreadsheets: Bool = false, inline: Bool = false,
                      changesCredentials: Bool = false, fastPath: FastPath? = nil, bodyMode: BodyModeChooser? = nil,
                      _ handler: @escaping Handler) {
        docs.append(RouteDoc(method: method, path: path, access: access, summary: summary, tag: tag, query: query,
                             body: body, bodyMediaType: bodyMediaType, success: success, response: response,
                             spreadsheets: spreadsheets))
        let services = services
        let publicRead = services.options.publicRead
        let known = Set(query)
        // The fast path runs only when the caller is known without the database (a remembered
        // token, or none); the route's own closure then decides whether memory suffices.
        var fast: FastPathHandler?
        if let fastPath {
            fast = { @Sendable (request: Request) throws -> HTTPResponse? in
                guard let cached = services.authenticator.cachedPrincipal(request.headers) else { return nil }
                let principal = try permit(cached, request, access: access, publicRead: publicRead)
                request.notes.userID = principal?.userID
                if method == .GET || method == .HEAD { try request.query().allowOnly(known) }
                return try fastPath(APIContext(request: request, principal: principal, services: services))
            }
        }
        table.add(method, path, inline: inline, fastPath: fast, bodyMode: bodyMode) { request in
            let principal = try authorize(request, access: access, services: services, publicRead: publicRead)
            request.notes.userID = principal?.userID
            if method == .GET || method == .HEAD { try request.query().allowOnly(known) }
            // after the handler's write has committed, remembered tokens may be stale
            defer { if changesCredentials { services.authenticator.invalidate() } }
            return try handler(APIContext(request: request, principal: principal, services: services))
        }
    }

    /// Routes that serve fixed content (the OpenAPI document, the dashboard page): no token, no check.
    mutating func addOperational(_ method: HTTPMethod, _ path: String, summary: String, inline: Bool = false,
                                 _ handler: @escaping RouteHandler) {
        docs.append(RouteDoc(method: method, path: path, access: .anyone, summary: summary, tag: "operations",
                             query: [], body: nil, bodyMediaType: nil, success: 200, response: nil))
        table.add(method, path, inline: inline, handler)
    }
}

/// 401 without a usable token, 403 when the role may not call the route.
private func authorize(_ request: Request, access: Access, services: Services, publicRead: Bool) throws -> Principal? {
    if access == .anyone {
        return try? services.authenticator.authenticate(request.headers)  // a stale token must not block login
    }
    return try permit(try services.authenticator.authenticate(request.headers), request, access: access, publicRead: publicRead)
}

/// The access rule applied to a resolved caller (nil: anonymous).
private func permit(_ principal: Principal?, _ request: Request, access: Access, publicRead: Bool) throws(HTTPError) -> Principal? {
    guard let principal else {
        let isRead = request.method == .GET || request.method == .HEAD
        guard access == .anyone || (isRead && access.allowsAnonymous(publicReadEnabled: publicRead)) else {
            throw HTTPError.unauthorized()
        }
        return nil
    }
    try SecondFactor.requireFullSession(principal, request)
    guard access.permits(principal.role, publicReadEnabled: publicRead) else {
        throw HTTPError.forbidden("the \(principal.role.rawValue) role may not \(request.method.rawValue) \(request.route.text)")
    }
    return principal
}
