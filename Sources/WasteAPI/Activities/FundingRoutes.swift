/// Placeholder: the routes arrive with their resource.
enum FundingRoutes {
    static func register(in routes: inout APIRoutes) {}
}
