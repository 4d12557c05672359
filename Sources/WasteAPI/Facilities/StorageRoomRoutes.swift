/// Placeholder: the routes arrive with their resource.
enum StorageRoomRoutes {
    static func register(in routes: inout APIRoutes) {}
}
