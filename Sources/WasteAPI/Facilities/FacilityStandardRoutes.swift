/// Placeholder: the routes arrive with their resource.
enum FacilityStandardRoutes {
    static func register(in routes: inout APIRoutes) {}
}
