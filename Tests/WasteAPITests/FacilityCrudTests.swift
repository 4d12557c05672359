import JSON
import Testing

/// Collection points, storage rooms and contracts: create, read, change, delete, validation.
@Suite struct FacilityCrudTests {
    @Test func collectionPointLifecycleKeepsVersionsETagsAndAudit() throws {
        let app = try TestApp()
        try app.institution(1)
        let created = try app.client.post("/v1/institutions/1/collection-points", json: [
            "location": "3楼办公区", "kind": "office_floor", "floor": 3, "signage_ok": true,
            "bins": ["可回收物": ["count": 2, "capacity_l": 240], "干垃圾": ["count": 1]],
        ], token: app.adminToken)
        #expect(created.status == 201)
        let id = try #require(created.json["id"]?.numberValue?.int64)
        #expect(created.header("location") == "/v1/collection-points/\(id)")
        #expect(created.json["bins"] == ["recyclable": ["count": 2, "capacity_l": 240], "residual": ["count": 1, "capacity_l": nil]])
        #expect(created.json["version"]?.numberValue?.int64 == 1)

        let read = try app.client.get("/v1/collection-points/\(id)", token: app.adminToken)
        let etag = try #require(read.header("etag"))
        #expect(try app.client.get("/v1/collection-points/\(id)", token: app.adminToken, headers: [("If-None-Match", etag)]).status == 304)

        let changed = try app.client.patch("/v1/collection-points/\(id)", json: ["note": "靠近电梯", "floor": nil],
                                           token: app.adminToken, headers: [("If-Match", etag)])
        #expect(changed.status == 200)
        #expect(changed.json["version"]?.numberValue?.int64 == 2)
        #expect(changed.json["floor"] == .null)
        #expect(changed.json["location"]?.stringValue == "3楼办公区")
        let stale = try app.client.patch("/v1/collection-points/\(id)", json: ["note": "x"], token: app.adminToken,
                                         headers: [("If-Match", etag)])
        #expect(stale.status == 412)
        #expect(try app.client.delete("/v1/collection-points/\(id)", token: app.adminToken, headers: [("If-Match", etag)]).status == 412)

        #expect(try app.client.delete("/v1/collection-points/\(id)", token: app.adminToken).status == 204)
        #expect(try app.client.get("/v1/collection-points/\(id)", token: app.adminToken).status == 404)
        #expect(try app.client.get("/v1/institutions/1/collection-points", token: app.adminToken).json["items"] == [])
        #expect(try app.count("SELECT COUNT(*) FROM collection_points WHERE id = ? AND deleted_at IS NOT NULL", [id]) == 1)
        let actions = try app.pool.read { db in
            try db.query("SELECT action FROM audit_events WHERE entity = 'collection_point' AND entity_id = ? ORDER BY id", [id])
                .map { try $0.string("action") }
        }
        #expect(actions == ["create", "update", "delete"])
    }

    @Test func everyBadCollectionPointFieldIsReportedAtOnce() throws {
        let app = try TestApp()
        try app.institution(1)
        let response = try app.client.post("/v1/institutions/1/collection-points", json: [
            "location": "", "kind": "kitchen", "floor": "3", "signage_ok": "yes", "colour": "blue",
            "bins": ["plastic": ["count": 1], "food": ["count": -1, "capacity_l": 9000], "residual": ["count": 1, "lid": true]],
        ], token: app.adminToken)
        #expect(response.status == 400)
        #expect(Set(response.errorFields) == ["location", "kind", "floor", "signage_ok", "colour", "bins.plastic",
                                              "bins.food.count", "bins.food.capacity_l", "bins.residual.lid"])
        let twice = try app.client.post("/v1/institutions/1/collection-points", json: [
            "location": "食堂", "kind": "canteen", "bins": ["food": ["count": 1], "厨余": ["count": 2]],
        ], token: app.adminToken)
        #expect(twice.errorFields == ["bins"])
        #expect(try app.count("SELECT COUNT(*) FROM collection_points") == 0)
    }

    @Test func patchRefusesNullForMembersThatCannotBeCleared() throws {
        let app = try TestApp()
        try app.institution(1)
        let created = try app.client.post("/v1/institutions/1/collection-points", json: ["location": "门口", "kind": "entrance"],
                                          token: app.adminToken)
        #expect(created.json["signage_ok"] == false)
        let id = try #require(created.json["id"]?.numberValue?.int64)
        let response = try app.client.patch("/v1/collection-points/\(id)", json: ["location": nil, "kind": nil, "bins": nil],
                                            token: app.adminToken)
        #expect(Set(response.errorFields) == ["location", "kind", "bins"])
    }

    @Test func categoriesNotInForceAreRefusedWithAClearError() throws {
        let app = try TestApp()
        try app.institution(1)
        _ = try app.client.put("/v1/settings", json: ["categories_in_force": ["recyclable", "hazardous", "residual"]], token: app.adminToken)
        let point = try app.client.post("/v1/institutions/1/collection-points", json: [
            "location": "食堂", "kind": "canteen", "bins": ["餐厨垃圾": ["count": 1]],
        ], token: app.adminToken)
        #expect(point.status == 400)
        #expect(point.json["errors"]?[0]?["code"]?.stringValue == "not_in_force")
        #expect(point.json["errors"]?[0]?["message"]?.stringValue?.contains("food") == true)
        let room = try app.client.post("/v1/institutions/1/storage-rooms", json: ["location": "暂存间", "categories": ["湿垃圾"]],
                                       token: app.adminToken)
        #expect(room.errorFields == ["categories[0]"])
        let contract = try app.client.post("/v1/institutions/1/contracts", json: [
            "category": "厨余垃圾", "hauler": "x", "licence_no": "1", "valid_from": "2020-01-01", "valid_to": "2020-12-31",
        ], token: app.adminToken)
        #expect(contract.errorFields == ["category"])
    }

    @Test func storageRoomsKeepAreaExactlyAndValidateEveryField() throws {
        let app = try TestApp()
        try app.institution(1)
        let created = try app.client.post("/v1/institutions/1/storage-rooms", json: [
            "location": "一楼暂存间", "area_m2": 12.5, "categories": ["有害垃圾", "recyclable"], "sealed": true,
        ], token: app.adminToken)
        #expect(created.status == 201)
        #expect(created.json["area_m2"]?.numberValue?.text == "12.5")
        #expect(created.json["categories"] == ["recyclable", "hazardous"])
        #expect(created.json["ventilated"] == false)
        #expect(try app.count("SELECT area_centi_m2 FROM storage_rooms") == 1250)

        let bad = try app.client.post("/v1/institutions/1/storage-rooms", json: [
            "area_m2": 12.345, "categories": ["recyclable", "可回收物"], "sealed": "no",
        ], token: app.adminToken)
        #expect(Set(bad.errorFields) == ["location", "area_m2", "categories", "sealed"])
    }

    @Test func contractsNeedEveryFieldAndAnOrderedValidity() throws {
        let app = try TestApp()
        try app.institution(1)
        let bad = try app.client.post("/v1/institutions/1/contracts", json: [
            "category": "plastic", "hauler": "", "valid_from": "2020-02-30", "valid_to": "2020-12-31",
        ], token: app.adminToken)
        #expect(Set(bad.errorFields) == ["category", "hauler", "licence_no", "valid_from"])
        let backwards = try app.client.post("/v1/institutions/1/contracts", json: [
            "category": "有害垃圾", "hauler": "危废处置公司", "licence_no": "HW-23", "valid_from": "2020-12-31", "valid_to": "2020-01-01",
        ], token: app.adminToken)
        #expect(backwards.errorFields == ["valid_to"])

        let created = try app.client.post("/v1/institutions/1/contracts", json: [
            "category": "有害垃圾", "hauler": "危废处置公司", "licence_no": "HW-23", "valid_from": "2020-01-01", "valid_to": "2020-12-31",
        ], token: app.adminToken)
        #expect(created.json["category"]?.stringValue == "hazardous")
        let id = try #require(created.json["id"]?.numberValue?.int64)
        let early = try app.client.patch("/v1/contracts/\(id)", json: ["valid_to": "2019-12-31"], token: app.adminToken)
        #expect(early.errorFields == ["valid_to"])
        let later = try app.client.patch("/v1/contracts/\(id)", json: ["valid_to": "2021-12-31"], token: app.adminToken)
        #expect(later.json["valid_to"]?.stringValue == "2021-12-31")
    }

    @Test func idempotentRetriesCreateOnceAndListsPage() throws {
        let app = try TestApp()
        try app.institution(1)
        let body: JSONValue = ["location": "门口", "kind": "entrance"]
        let first = try app.client.post("/v1/institutions/1/collection-points", json: body, token: app.adminToken,
                                        headers: [("Idempotency-Key", "k-1")])
        let retry = try app.client.post("/v1/institutions/1/collection-points", json: body, token: app.adminToken,
                                        headers: [("Idempotency-Key", "k-1")])
        #expect(retry.status == 201)
        #expect(retry.header("idempotent-replayed") == "true")
        #expect(retry.json["id"] == first.json["id"])
        let other = try app.client.post("/v1/institutions/1/collection-points", json: ["location": "后门", "kind": "entrance"],
                                        token: app.adminToken, headers: [("Idempotency-Key", "k-1")])
        #expect(other.status == 409)
        for index in 0..<4 {
            _ = try app.client.post("/v1/institutions/1/collection-points", json: ["location": .string("点\(index)"), "kind": "other"],
                                    token: app.adminToken)
        }
        let page1 = try app.client.get("/v1/institutions/1/collection-points?limit=3", token: app.adminToken)
        let cursor = try #require(page1.json["next_cursor"]?.stringValue)
        let page2 = try app.client.get("/v1/institutions/1/collection-points?limit=3&cursor=\(cursor)", token: app.adminToken)
        #expect(page1.json["items"]?.arrayValue?.count == 3)
        #expect(page2.json["items"]?.arrayValue?.count == 2)
        #expect(page2.json["next_cursor"] == .null)
        #expect(try app.client.get("/v1/institutions/1/collection-points?page=2", token: app.adminToken).status == 400)
        #expect(try app.client.get("/v1/institutions/9/collection-points", token: app.adminToken).status == 404)
    }
}
