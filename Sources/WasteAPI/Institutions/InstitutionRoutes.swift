/// Placeholder: the routes arrive with their resource.
enum InstitutionRoutes {
    static func register(in routes: inout APIRoutes) {}
}
