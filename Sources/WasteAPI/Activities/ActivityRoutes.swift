/// Placeholder: the routes arrive with their resource.
enum ActivityRoutes {
    static func register(in routes: inout APIRoutes) {}
}
