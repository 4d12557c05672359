/// Placeholder: the routes arrive with their resource.
enum UserRoutes {
    static func register(in routes: inout APIRoutes) {}
}
