/// Placeholder: the routes arrive with their resource.
enum LedgerStatsRoutes {
    static func register(in routes: inout APIRoutes) {}
}
