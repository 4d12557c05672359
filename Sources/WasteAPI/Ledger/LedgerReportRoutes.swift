/// Placeholder: the routes arrive with their resource.
enum LedgerReportRoutes {
    static func register(in routes: inout APIRoutes) {}
}
