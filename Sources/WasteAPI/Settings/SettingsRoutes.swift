/// Placeholder: the routes arrive with their resource.
enum SettingsRoutes {
    static func register(in routes: inout APIRoutes) {}
}
