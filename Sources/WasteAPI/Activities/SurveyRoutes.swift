/// Placeholder: the routes arrive with their resource.
enum SurveyRoutes {
    static func register(in routes: inout APIRoutes) {}
}
