import Foundation
import JSON
import Testing

/// One institution-scoped resource, as the shared behaviour tests drive it.
struct ScopedCase: Sendable, CustomStringConvertible {
    let table: String
    let entity: String
    let valid: JSONValue
    /// A PATCH body changing one field, and that field.
    let change: JSONValue
    let changedKey: String

    var description: String { table }

    static let all: [ScopedCase] = [
        ScopedCase(table: "activities", entity: "activity",
                   valid: ["kind": "training", "title": "垃圾分类业务培训", "held_on": "2020-05-12", "participants": 40],
                   change: ["title": "第二期业务培训"], changedKey: "title"),
        ScopedCase(table: "surveys", entity: "survey",
                   valid: ["surveyed_on": "2020-06-01", "respondents": 50, "aware": 45, "participating": 40],
                   change: ["aware": 48], changedKey: "aware"),
        ScopedCase(table: "tasks", entity: "task",
                   valid: ["title": "制定实施方案", "owner": "张伟", "due_on": "2020-06-30"],
                   change: ["owner": "李娜"], changedKey: "owner"),
        ScopedCase(table: "funding", entity: "funding",
                   valid: ["year": 2020, "budget_yuan": 12000.5, "purpose": "分类垃圾桶购置"],
                   change: ["spent_yuan": 3000], changedKey: "spent_yuan"),
    ]
}

@Suite struct ActivityScopedResourceTests {
    @Test(arguments: ScopedCase.all)
    func createGetPatchDeleteRoundTrip(_ resource: ScopedCase) throws {
        let fixture = try ActivityFixture()
        let client = fixture.app.client
        let created = try client.post("/v1/institutions/1/\(resource.table)", json: resource.valid, token: fixture.clerkA)
        #expect(created.status == 201)
        let id = created.json.scopedID
        #expect(created.header("location") == "/v1/\(resource.table)/\(id)")
        #expect(created.header("etag") == "\"v1\"")
        #expect(created.json["institution_id"]?.numberValue?.int64 == 1)
        #expect(created.json["version"]?.numberValue?.int64 == 1)
        for (key, value) in resource.valid.objectValue ?? JSONObject() {
            #expect(created.json[key] == value, "\(key) is written back as sent")
        }

        let fetched = try client.get("/v1/\(resource.table)/\(id)", token: fixture.inspector)
        #expect(fetched.status == 200)
        #expect(fetched.json == created.json)
        #expect(fetched.header("etag") == "\"v1\"")

        let patched = try client.patch("/v1/\(resource.table)/\(id)", json: resource.change, token: fixture.clerkA)
        #expect(patched.status == 200)
        #expect(patched.json[resource.changedKey] == resource.change[resource.changedKey])
        #expect(patched.json["version"]?.numberValue?.int64 == 2)
        #expect(patched.header("etag") == "\"v2\"")

        let listed = try client.get("/v1/institutions/1/\(resource.table)", token: fixture.clerkA)
        #expect(listed.json["items"]?.arrayValue == [patched.json])

        #expect(try client.delete("/v1/\(resource.table)/\(id)", token: fixture.clerkA).status == 204)
        #expect(try client.get("/v1/\(resource.table)/\(id)", token: fixture.admin).status == 404)
        #expect(try client.get("/v1/institutions/1/\(resource.table)", token: fixture.admin).json["items"]?.arrayValue == [])
    }

    @Test(arguments: ScopedCase.all)
    func clerkOfAnotherInstitutionGets404Everywhere(_ resource: ScopedCase) throws {
        let fixture = try ActivityFixture()
        let client = fixture.app.client
        let id = try fixture.create(resource.table, resource.valid, token: fixture.clerkA).scopedID
        let path = "/v1/\(resource.table)/\(id)"
        #expect(try client.get("/v1/institutions/1/\(resource.table)", token: fixture.clerkB).status == 404)
        #expect(try client.post("/v1/institutions/1/\(resource.table)", json: resource.valid, token: fixture.clerkB).status == 404)
        #expect(try client.get(path, token: fixture.clerkB).status == 404)
        #expect(try client.patch(path, json: resource.change, token: fixture.clerkB).status == 404)
        #expect(try client.delete(path, token: fixture.clerkB).status == 404)
        #expect(try fixture.count(resource.table) == 1)
        #expect(try client.get(path, token: fixture.clerkA).json["version"]?.numberValue?.int64 == 1)
        // clerk B still works in its own institution, and sees only its own rows
        try fixture.create(resource.table, resource.valid, in: 2, token: fixture.clerkB)
        #expect(try client.get("/v1/institutions/2/\(resource.table)", token: fixture.clerkB).json["items"]?.arrayValue?.count == 1)
        // an institution that does not exist is a 404 even for admins
        #expect(try client.get("/v1/institutions/99/\(resource.table)", token: fixture.admin).status == 404)
        #expect(try client.post("/v1/institutions/99/\(resource.table)", json: resource.valid, token: fixture.admin).status == 404)
        #expect(try client.get("/v1/\(resource.table)/abc", token: fixture.admin).status == 404)
    }

    @Test(arguments: ScopedCase.all)
    func inspectorsReadOnlyViewersAndAnonymousAreRefused(_ resource: ScopedCase) throws {
        let fixture = try ActivityFixture()
        let client = fixture.app.client
        let id = try fixture.create(resource.table, resource.valid).scopedID
        let collection = "/v1/institutions/1/\(resource.table)"
        let path = "/v1/\(resource.table)/\(id)"
        #expect(try client.get(collection, token: fixture.inspector).status == 200)
        #expect(try client.get(path, token: fixture.inspector).status == 200)
        #expect(try client.post(collection, json: resource.valid, token: fixture.inspector).status == 403)
        #expect(try client.patch(path, json: resource.change, token: fixture.inspector).status == 403)
        #expect(try client.delete(path, token: fixture.inspector).status == 403)
        for token in [fixture.viewer] {
            #expect(try client.get(collection, token: token).status == 403)
            #expect(try client.get(path, token: token).status == 403)
            #expect(try client.post(collection, json: resource.valid, token: token).status == 403)
            #expect(try client.patch(path, json: resource.change, token: token).status == 403)
            #expect(try client.delete(path, token: token).status == 403)
        }
        #expect(try client.get(collection).status == 401)
        #expect(try client.post(collection, json: resource.valid).status == 401)
        #expect(try fixture.count(resource.table) == 1)
    }

    @Test(arguments: ScopedCase.all)
    func conditionalRequestsUseTheVersion(_ resource: ScopedCase) throws {
        let fixture = try ActivityFixture()
        let client = fixture.app.client
        let id = try fixture.create(resource.table, resource.valid).scopedID
        let path = "/v1/\(resource.table)/\(id)"
        let notModified = try client.get(path, token: fixture.admin, headers: [("If-None-Match", "\"v1\"")])
        #expect(notModified.status == 304)
        #expect(notModified.header("etag") == "\"v1\"")
        #expect(try client.patch(path, json: resource.change, token: fixture.admin, headers: [("If-Match", "\"v1\"")]).status == 200)
        #expect(try client.get(path, token: fixture.admin, headers: [("If-None-Match", "\"v1\"")]).status == 200)
        let stale = try client.patch(path, json: resource.valid, token: fixture.admin, headers: [("If-Match", "\"v1\"")])
        #expect(stale.status == 412)
        #expect(try client.delete(path, token: fixture.admin, headers: [("If-Match", "\"v1\"")]).status == 412)
        #expect(try client.get(path, token: fixture.admin).json["version"]?.numberValue?.int64 == 2)
        #expect(try client.delete(path, token: fixture.admin, headers: [("If-Match", "\"v2\"")]).status == 204)
    }

    @Test(arguments: ScopedCase.all)
    func idempotentRetryCreatesOnce(_ resource: ScopedCase) throws {
        let fixture = try ActivityFixture()
        let client = fixture.app.client
        let collection = "/v1/institutions/1/\(resource.table)"
        let key = [("Idempotency-Key", "retry-\(resource.table)")]
        let first = try client.post(collection, json: resource.valid, token: fixture.clerkA, headers: key)
        let retry = try client.post(collection, json: resource.valid, token: fixture.clerkA, headers: key)
        #expect(first.status == 201)
        #expect(retry.status == 201)
        #expect(retry.header("idempotent-replayed") == "true")
        #expect(retry.json == first.json)
        #expect(retry.header("location") == first.header("location"))
        #expect(try fixture.count(resource.table) == 1)
        let other = try client.post(collection, json: resource.change, token: fixture.clerkA, headers: key)
        #expect(other.status == 409)
        #expect(try fixture.count(resource.table) == 1)
    }

    @Test(arguments: ScopedCase.all)
    func everyWriteIsAuditedWithBeforeAndAfter(_ resource: ScopedCase) throws {
        let fixture = try ActivityFixture()
        let client = fixture.app.client
        let created = try fixture.create(resource.table, resource.valid, token: fixture.clerkA)
        let id = created.scopedID
        let patched = try client.patch("/v1/\(resource.table)/\(id)", json: resource.change, token: fixture.clerkA).json
        #expect(try client.delete("/v1/\(resource.table)/\(id)", token: fixture.admin).status == 204)
        let trail = try fixture.auditTrail(resource.entity, id)
        #expect(trail.map(\.action) == ["create", "update", "delete"])
        #expect(trail[0].before == nil && trail[0].after == created)
        #expect(trail[1].before == created && trail[1].after == patched)
        #expect(trail[2].before == patched && trail[2].after == nil)
        let actors = try fixture.app.pool.read { db in
            try db.query("SELECT actor_username FROM audit_events WHERE entity = ? ORDER BY id", [resource.entity])
                .map { try $0.string("actor_username") }
        }
        #expect(actors == ["clerk-a", "clerk-a", "admin"])
    }

    @Test(arguments: ScopedCase.all)
    func aPatchThatChangesNothingWritesNothing(_ resource: ScopedCase) throws {
        let fixture = try ActivityFixture()
        let id = try fixture.create(resource.table, resource.valid).scopedID
        let same = try fixture.app.client.patch("/v1/\(resource.table)/\(id)", json: resource.valid, token: fixture.admin)
        #expect(same.status == 200)
        #expect(same.json["version"]?.numberValue?.int64 == 1)
        #expect(try fixture.auditTrail(resource.entity, id).map(\.action) == ["create"])
    }

    @Test(arguments: ScopedCase.all)
    func unknownFieldsAndUnknownParametersAre400(_ resource: ScopedCase) throws {
        let fixture = try ActivityFixture()
        let client = fixture.app.client
        guard case .object(var body) = resource.valid else { return }
        body.set("institution_id", 2)
        body.set("colour", "blue")
        let response = try client.post("/v1/institutions/1/\(resource.table)", json: .object(body), token: fixture.admin)
        #expect(response.status == 400)
        #expect(Set(response.errorFields) == ["institution_id", "colour"])
        let id = try fixture.create(resource.table, resource.valid).scopedID
        let patch = try client.patch("/v1/\(resource.table)/\(id)", json: ["version": 5], token: fixture.admin)
        #expect(patch.status == 400)
        #expect(patch.errorFields == ["version"])
        #expect(try client.get("/v1/institutions/1/\(resource.table)?colour=blue", token: fixture.admin).status == 400)
        let form = try client.request("POST", "/v1/institutions/1/\(resource.table)", token: fixture.admin,
                                      body: Array("a=b".utf8), contentType: "application/x-www-form-urlencoded")
        #expect(form.status == 415)
    }

    @Test(arguments: ScopedCase.all)
    func listsArePagedByCursor(_ resource: ScopedCase) throws {
        let fixture = try ActivityFixture()
        let client = fixture.app.client
        let ids = try (0..<3).map { _ in try fixture.create(resource.table, resource.valid).scopedID }
        let first = try client.get("/v1/institutions/1/\(resource.table)?limit=2", token: fixture.admin)
        #expect(first.json["items"]?.arrayValue?.map(\.scopedID) == Array(ids.prefix(2)))
        let cursor = try #require(first.json["next_cursor"]?.stringValue)
        let second = try client.get("/v1/institutions/1/\(resource.table)?limit=2&cursor=\(cursor)", token: fixture.admin)
        #expect(second.json["items"]?.arrayValue?.map(\.scopedID) == [ids[2]])
        #expect(second.json["next_cursor"] == .null)
        #expect(try client.get("/v1/institutions/1/\(resource.table)?limit=0", token: fixture.admin).status == 400)
        #expect(try client.get("/v1/institutions/1/\(resource.table)?cursor=bogus", token: fixture.admin).status == 400)
    }

    @Test(arguments: ScopedCase.all)
    func archivedInstitutionsTakeNoNewRecordsButKeepTheirOwn(_ resource: ScopedCase) throws {
        let fixture = try ActivityFixture()
        let id = try fixture.create(resource.table, resource.valid).scopedID
        try fixture.app.sql("UPDATE institutions SET status = 'archived' WHERE id = 1")
        let refused = try fixture.app.client.post("/v1/institutions/1/\(resource.table)", json: resource.valid, token: fixture.admin)
        #expect(refused.status == 409)
        #expect(try fixture.app.client.get("/v1/\(resource.table)/\(id)", token: fixture.clerkA).status == 200)
        #expect(try fixture.app.client.get("/v1/institutions/1/\(resource.table)", token: fixture.admin).status == 200)
    }
}
