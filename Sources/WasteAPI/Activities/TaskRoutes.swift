/// Placeholder: the routes arrive with their resource.
enum TaskRoutes {
    static func register(in routes: inout APIRoutes) {}
}
