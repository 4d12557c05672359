/// Placeholder: the routes arrive with their resource.
enum InspectionRoutes {
    static func register(in routes: inout APIRoutes) {}
}
