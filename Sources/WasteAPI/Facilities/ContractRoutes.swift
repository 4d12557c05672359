/// Placeholder: the routes arrive with their resource.
enum ContractRoutes {
    static func register(in routes: inout APIRoutes) {}
}
