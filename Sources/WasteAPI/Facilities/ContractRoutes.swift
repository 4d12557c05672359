/// `GET|POST /v1/institutions/{id}/contracts`, `GET|PATCH|DELETE /v1/contracts/{id}` (SPEC §5 "Hauler contracts").
enum ContractRoutes {
    static func register(in routes: inout APIRoutes) {
        FacilityCRUDRoutes<ContractResource>.register(in: &routes)
    }
}
