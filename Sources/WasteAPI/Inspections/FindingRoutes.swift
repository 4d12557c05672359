/// Placeholder: the routes arrive with their resource.
enum FindingRoutes {
    static func register(in routes: inout APIRoutes) {}
}
