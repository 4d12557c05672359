/// `GET|POST /v1/institutions/{id}/storage-rooms`, `GET|PATCH|DELETE /v1/storage-rooms/{id}` (SPEC §5).
enum StorageRoomRoutes {
    static func register(in routes: inout APIRoutes) {
        FacilityCRUDRoutes<StorageRoomResource>.register(in: &routes)
    }
}
