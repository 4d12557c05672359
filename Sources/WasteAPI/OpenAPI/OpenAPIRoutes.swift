/// Placeholder: the routes arrive with their resource.
enum OpenAPIRoutes {
    static func register(in routes: inout APIRoutes) {}
}
