/// Placeholder: the routes arrive with their resource.
enum CollectionPointRoutes {
    static func register(in routes: inout APIRoutes) {}
}
