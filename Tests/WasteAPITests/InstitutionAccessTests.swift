import Foundation
import JSON
import Testing

@Suite struct InstitutionAccessTests {
    @Test func clerkSeesAndChangesOnlyTheProfileOfItsOwnInstitution() throws {
        let app = try TestApp()
        let own = try app.createInstitution(code: "A1", name: "甲单位")
        let other = try app.createInstitution(code: "A2", name: "乙单位")
        let clerk = try app.userToken("clerk-a1", role: "clerk", institutionID: own)

        let list = try app.client.get("/v1/institutions", token: clerk)
        #expect(list.status == 200)
        #expect(list.json["items"]?.arrayValue?.compactMap { $0["id"]?.numberValue?.int64 } == [own])
        #expect(try app.client.get("/v1/institutions/\(own)", token: clerk).status == 200)
        #expect(try app.client.get("/v1/institutions/\(other)", token: clerk).status == 404)
        #expect(try app.client.patch("/v1/institutions/\(other)", json: ["headcount": 5], token: clerk).status == 404)

        let profile = try app.client.patch("/v1/institutions/\(own)", json: ["headcount": 30, "contact_name": "王芳"], token: clerk)
        #expect(profile.status == 200)
        #expect(profile.json["headcount"]?.numberValue?.int64 == 30)

        let rename = try app.client.patch("/v1/institutions/\(own)", json: ["name": "新名字", "status": "archived", "floors": 2], token: clerk)
        #expect(rename.status == 403)
        #expect(Set(rename.errorFields) == ["name", "status"])
        #expect(try app.rows("SELECT name, floors FROM institutions WHERE id = ?", [own]).first?["name"] == "甲单位")

        #expect(try app.client.post("/v1/institutions", json: TestApp.institutionBody(code: "A3", name: "丙"), token: clerk).status == 403)
        #expect(try app.client.delete("/v1/institutions/\(own)", token: clerk).status == 403)
        #expect(try app.client.request("POST", "/v1/institutions/import", token: clerk, body: Array("code,name,kind\r\n".utf8),
                                       contentType: "text/csv").status == 403)
    }

    @Test func viewerMayNotListAndInspectorMayReadButNotWrite() throws {
        let app = try TestApp()
        let id = try app.createInstitution(code: "A1", name: "甲单位")
        let viewer = try app.userToken("wall", role: "viewer")
        #expect(try app.client.get("/v1/institutions", token: viewer).status == 403)
        #expect(try app.client.get("/v1/institutions/\(id)", token: viewer).status == 403)
        let inspector = try app.userToken("inspector", role: "inspector")
        #expect(try app.client.get("/v1/institutions", token: inspector).json["items"]?.arrayValue?.count == 1)
        #expect(try app.client.get("/v1/institutions/\(id)", token: inspector).status == 200)
        #expect(try app.client.patch("/v1/institutions/\(id)", json: ["headcount": 1], token: inspector).status == 403)
        #expect(try app.client.delete("/v1/institutions/\(id)", token: inspector).status == 403)
        #expect(try app.client.get("/v1/institutions").status == 401)
    }
}
