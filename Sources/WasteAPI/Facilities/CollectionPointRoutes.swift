/// `GET|POST /v1/institutions/{id}/collection-points`, `GET|PATCH|DELETE /v1/collection-points/{id}` (SPEC §5).
enum CollectionPointRoutes {
    static func register(in routes: inout APIRoutes) {
        FacilityCRUDRoutes<CollectionPointResource>.register(in: &routes)
    }
}
