/// Placeholder: the routes arrive with their resource.
enum RubricRoutes {
    static func register(in routes: inout APIRoutes) {}
}
