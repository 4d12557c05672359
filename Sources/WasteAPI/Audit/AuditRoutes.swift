/// Placeholder: the routes arrive with their resource.
enum AuditRoutes {
    static func register(in routes: inout APIRoutes) {}
}
