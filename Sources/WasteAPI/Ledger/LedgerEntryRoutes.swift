/// Placeholder: the routes arrive with their resource.
enum LedgerEntryRoutes {
    static func register(in routes: inout APIRoutes) {}
}
