import Foundation
import JSON
import Testing

@Suite struct ActivityTests {
    @Test func everyBadFieldIsReportedAtOnce() throws {
        let fixture = try ActivityFixture()
        let response = try fixture.app.client.post("/v1/institutions/1/activities", json: [
            "kind": "parade", "title": "", "held_on": "2020-02-30", "participants": -1, "materials_count": 1.5,
            "note": .string(String(repeating: "x", count: 2001)),
        ], token: fixture.clerkA)
        #expect(response.status == 400)
        #expect(response.header("content-type")?.hasPrefix("application/problem+json") == true)
        #expect(Set(response.errorFields) == ["kind", "title", "held_on", "participants", "materials_count", "note"])
        let missing = try fixture.app.client.post("/v1/institutions/1/activities", json: [:], token: fixture.clerkA)
        #expect(Set(missing.errorFields) == ["kind", "title", "held_on"])
        #expect(try fixture.count("activities") == 0)
    }

    @Test func countsDefaultToZeroAndNoteCanBeCleared() throws {
        let fixture = try ActivityFixture()
        let created = try fixture.create("activities", [
            "kind": "commitment_signing", "title": "签订承诺书", "held_on": "2020-03-02", "note": "全体职工",
        ])
        #expect(created["participants"]?.scopedNumberText == "0")
        #expect(created["materials_count"]?.scopedNumberText == "0")
        let patched = try fixture.app.client.patch("/v1/activities/\(created.scopedID)", json: ["note": nil],
                                                   token: fixture.admin)
        #expect(patched.json["note"] == .null)
        #expect(patched.json["kind"]?.stringValue == "commitment_signing")
        let cleared = try fixture.app.client.patch("/v1/activities/\(created.scopedID)", json: ["title": nil, "kind": nil],
                                                   token: fixture.admin)
        #expect(Set(cleared.errorFields) == ["title", "kind"])
    }

    @Test func listFiltersByKindAndDateRange() throws {
        let fixture = try ActivityFixture()
        let training = try fixture.create("activities", ["kind": "training", "title": "一季度培训", "held_on": "2020-03-10"])
        let pledge = try fixture.create("activities", ["kind": "pledge", "title": "党员干部宣誓", "held_on": "2020-04-01"])
        let later = try fixture.create("activities", ["kind": "training", "title": "二季度培训", "held_on": "2020-06-30"])
        func ids(_ query: String) throws -> [Int64] {
            try fixture.app.client.get("/v1/institutions/1/activities?\(query)", token: fixture.admin)
                .json["items"]?.arrayValue?.map(\.scopedID) ?? []
        }
        #expect(try ids("kind=training") == [training.scopedID, later.scopedID])
        #expect(try ids("from=2020-04-01&to=2020-06-29") == [pledge.scopedID])
        #expect(try ids("kind=training&from=2020-04-01") == [later.scopedID])
        #expect(try ids("to=2020-03-10") == [training.scopedID])
        for bad in ["kind=parade", "from=2020-13-01", "from=2020-06-01&to=2020-05-01"] {
            let response = try fixture.app.client.get("/v1/institutions/1/activities?\(bad)", token: fixture.admin)
            #expect(response.status == 400, "\(bad)")
        }
    }
}
