import JSON
import Testing

/// Who may read and write facilities: clerks their own institution only (others are a 404),
/// admins everything, inspectors read-only, viewers nothing.
@Suite struct FacilityAccessTests {
    @Test func clerksSeeOnlyTheirOwnInstitutionAndOthersAre404() throws {
        let app = try TestApp()
        try app.institution(1)
        try app.institution(2)
        let clerk = try app.user("clerk1", role: "clerk", institution: 1)
        let own = try app.client.post("/v1/institutions/1/collection-points", json: ["location": "门口", "kind": "entrance"], token: clerk)
        #expect(own.status == 201)
        let other = try app.client.post("/v1/institutions/2/storage-rooms", json: ["location": "暂存间"], token: app.adminToken)
        let otherID = try #require(other.json["id"]?.numberValue?.int64)

        #expect(try app.client.get("/v1/institutions/2/storage-rooms", token: clerk).status == 404)
        #expect(try app.client.post("/v1/institutions/2/storage-rooms", json: ["location": "x"], token: clerk).status == 404)
        #expect(try app.client.get("/v1/storage-rooms/\(otherID)", token: clerk).status == 404)
        #expect(try app.client.patch("/v1/storage-rooms/\(otherID)", json: ["sealed": true], token: clerk).status == 404)
        #expect(try app.client.delete("/v1/storage-rooms/\(otherID)", token: clerk).status == 404)
        #expect(try app.client.get("/v1/institutions/2/facility-compliance", token: clerk).status == 404)
        #expect(try app.client.get("/v1/institutions/1/facility-compliance", token: clerk).status == 200)
        #expect(try app.client.get("/v1/facility-compliance", token: clerk).status == 403)
        #expect(try app.client.get("/v1/institutions/1/collection-points", token: clerk).json["items"]?.arrayValue?.count == 1)
    }

    @Test func inspectorsReadEverythingButWriteNothing() throws {
        let app = try TestApp()
        try app.institution(1)
        let inspector = try app.user("inspector", role: "inspector")
        let point = try app.client.post("/v1/institutions/1/collection-points", json: ["location": "门口", "kind": "entrance"],
                                        token: app.adminToken)
        let id = try #require(point.json["id"]?.numberValue?.int64)
        #expect(try app.client.get("/v1/institutions/1/collection-points", token: inspector).status == 200)
        #expect(try app.client.get("/v1/collection-points/\(id)", token: inspector).status == 200)
        #expect(try app.client.get("/v1/facility-compliance", token: inspector).status == 200)
        #expect(try app.client.get("/v1/facility-compliance/summary", token: inspector).status == 200)
        #expect(try app.client.post("/v1/institutions/1/contracts", json: [:], token: inspector).status == 403)
        #expect(try app.client.patch("/v1/collection-points/\(id)", json: ["note": "x"], token: inspector).status == 403)
        #expect(try app.client.delete("/v1/collection-points/\(id)", token: inspector).status == 403)
        #expect(try app.client.put("/v1/facility-standard", json: ["rules": []], token: inspector).status == 403)
    }

    @Test func viewersMayOnlyReadTheStandard() throws {
        let app = try TestApp()
        try app.institution(1)
        let viewer = try app.user("wall", role: "viewer")
        #expect(try app.client.get("/v1/facility-standard", token: viewer).status == 200)
        for path in ["/v1/institutions/1/collection-points", "/v1/institutions/1/storage-rooms", "/v1/institutions/1/contracts",
                     "/v1/institutions/1/facility-compliance", "/v1/facility-compliance", "/v1/facility-compliance/summary"] {
            #expect(try app.client.get(path, token: viewer).status == 403, "GET \(path)")
        }
        #expect(try app.client.post("/v1/institutions/1/contracts", json: [:], token: viewer).status == 403)
        #expect(try app.client.get("/v1/facility-standard").status == 401)
    }

    @Test func archivedInstitutionsTakeNoNewFacilities() throws {
        let app = try TestApp()
        try app.institution(1, status: "archived")
        let response = try app.client.post("/v1/institutions/1/collection-points", json: ["location": "门口", "kind": "entrance"],
                                           token: app.adminToken)
        #expect(response.status == 409)
        #expect(try app.client.get("/v1/institutions/1/collection-points", token: app.adminToken).status == 200)
    }
}
