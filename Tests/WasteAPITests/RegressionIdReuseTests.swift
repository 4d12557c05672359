import Foundation
import JSON
import Testing

/// Found by scripts/crash-durability (issue 7): tables keyed `id INTEGER PRIMARY KEY` without
/// `AUTOINCREMENT` give the id of a deleted newest row to the next row created. A client still
/// holding `/v1/activities/N` and its ETag (`"v1"`) then reads, updates or deletes a different
/// resource, and the audit trail's `entity_id` names two resources at once.
@Suite struct RegressionIdReuseTests {
    @Test func aDeletedResourcesIdIsNeverGivenToANewOne() throws {
        let fixture = try ActivityFixture()
        let first = try fixture.create("activities", ["kind": "training", "title": "一季度培训", "held_on": "2020-03-10"])
        #expect(try fixture.app.client.delete("/v1/activities/\(first.scopedID)", token: fixture.admin).status == 204)
        let second = try fixture.create("activities", ["kind": "pledge", "title": "宣誓", "held_on": "2020-04-01"])
        #expect(second.scopedID != first.scopedID)
    }

    @Test func aStaleETagOfADeletedResourceCannotUpdateAnother() throws {
        let fixture = try ActivityFixture()
        let first = try fixture.create("activities", ["kind": "training", "title": "一季度培训", "held_on": "2020-03-10"])
        let path = "/v1/activities/\(first.scopedID)"
        let etag = try #require(try fixture.app.client.get(path, token: fixture.admin).header("etag"))
        #expect(try fixture.app.client.delete(path, token: fixture.admin, headers: [("If-Match", etag)]).status == 204)
        _ = try fixture.create("activities", ["kind": "pledge", "title": "宣誓", "held_on": "2020-04-01"])
        // the client that deleted `path` retries an update it still had queued
        let stale = try fixture.app.client.patch(path, json: ["title": "改"], token: fixture.admin,
                                                 headers: [("If-Match", etag)])
        #expect(stale.status == 404 || stale.status == 412)
        #expect(try fixture.auditTrail("activity", first.scopedID).map(\.action) == ["create", "delete"])
    }
}
