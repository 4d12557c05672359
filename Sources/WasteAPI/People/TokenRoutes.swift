/// Placeholder: the routes arrive with their resource.
enum TokenRoutes {
    static func register(in routes: inout APIRoutes) {}
}
