/// Placeholder: the routes arrive with their resource.
enum ComplianceRoutes {
    static func register(in routes: inout APIRoutes) {}
}
