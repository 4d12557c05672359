import Foundation
import JSON
import Testing
import WasteAPI
import WasteDomain

@Suite struct FindingTests {
    /// A finalized inspection of `institution` with one finding per deadline; returns the finding ids.
    private func findings(_ world: InspectionWorld, institution: Int64 = 1, deadlines: [String]) throws -> [Int64] {
        let inspection = try world.create(world.body(institution: institution,
                                                     findings: deadlines.map { InspectionWorld.finding(by: $0) }), finalize: true)
        return inspection["findings"]?.arrayValue?.compactMap { $0["id"]?.int64 } ?? []
    }

    private func ids(_ world: InspectionWorld, _ query: String = "", token: String? = nil) throws -> [Int64] {
        let response = try world.app.client.get("/v1/findings\(query)", token: token ?? world.inspector)
        return response.json["items"]?.arrayValue?.compactMap { $0["id"]?.int64 } ?? []
    }

    @Test func findingsOfADraftAppearOnlyOnceItIsFinalized() throws {
        let world = try InspectionWorld(rectificationNeedsPhoto: false)
        let draft = try world.create(world.body(findings: [InspectionWorld.finding()]))
        let id = try #require(draft["id"]?.int64)
        let findingID = try #require(draft["findings"]?[0]?["id"]?.int64)
        #expect(draft["findings"]?[0]?["status"]?.stringValue == "pending")
        #expect(try ids(world).isEmpty)
        #expect(try world.app.client.get("/v1/findings/\(findingID)", token: world.inspector).status == 404)
        #expect(try world.app.client.post("/v1/findings/\(findingID)/rectify", json: ["note": "x"], token: world.admin).status == 404)

        _ = try world.app.client.post("/v1/inspections/\(id)/finalize", json: [:], token: world.inspector)
        let shown = try world.app.client.get("/v1/findings/\(findingID)", token: world.inspector)
        #expect(shown.status == 200)
        #expect(shown.json["status"]?.stringValue == "open")
        #expect(shown.json["item_code"]?.stringValue == "C3")
        #expect(shown.json["item_title_zh"]?.stringValue?.contains("投放准确率") == true)
        #expect(shown.json["institution_id"]?.int64 == 1)
        #expect(shown.json["overdue"] == .bool(false))
        #expect(try ids(world) == [findingID])
    }

    @Test func theInstitutionsClerkRectifiesAndOthersCannot() throws {
        let world = try InspectionWorld(rectificationNeedsPhoto: false)
        let own = try #require(try findings(world, deadlines: ["2020-06-20"]).first)
        let other = try #require(try findings(world, institution: 2, deadlines: ["2020-06-20"]).first)
        let client = world.app.client
        #expect(try client.post("/v1/findings/\(other)/rectify", json: ["note": "已整改"], token: world.clerk).status == 404)
        #expect(try client.get("/v1/findings/\(other)", token: world.clerk).status == 404)
        #expect(try ids(world, token: world.clerk) == [own])
        #expect(try client.get("/v1/findings?institution_id=2", token: world.clerk).status == 404)
        #expect(try client.post("/v1/findings/\(own)/rectify", json: ["note": "已整改"], token: world.inspector).status == 403)
        #expect(try client.post("/v1/findings/\(own)/rectify", json: [:], token: world.clerk).errorFields == ["note"])

        let rectified = try client.post("/v1/findings/\(own)/rectify", json: ["note": "已更换分类桶并张贴指引"], token: world.clerk)
        #expect(rectified.status == 200)
        #expect(rectified.json["status"]?.stringValue == "rectified")
        #expect(rectified.json["rectified_by"]?["username"]?.stringValue == "clerk1")
        #expect(rectified.json["rectification_note"]?.stringValue == "已更换分类桶并张贴指引")
        #expect(rectified.json["rectified_at"]?.stringValue == InspectionWorld.start.description)
        #expect(rectified.json["version"]?.int64 == 3)   // created, opened, rectified
        let again = try client.post("/v1/findings/\(own)/rectify", json: ["note": "again"], token: world.clerk)
        #expect(again.status == 409)
        #expect(again.json["detail"]?.stringValue?.contains("rectified") == true)
        #expect(try client.post("/v1/findings/\(other)/rectify", json: ["note": "由办公室代报"], token: world.admin).status == 200)
    }

    @Test func inspectorsVerifyAndReopen() throws {
        let world = try InspectionWorld(rectificationNeedsPhoto: false)
        let id = try #require(try findings(world, deadlines: ["2020-06-20"]).first)
        let client = world.app.client
        let path = "/v1/findings/\(id)"
        let early = try client.post("\(path)/verify", json: [:], token: world.inspector)
        #expect(early.status == 409)
        #expect(early.json["detail"]?.stringValue?.contains("open") == true)
        #expect(try client.post("\(path)/reopen", json: ["reason": "x", "rectify_by": "2020-06-30"], token: world.inspector).status == 409)
        _ = try client.post("\(path)/rectify", json: ["note": "已整改"], token: world.clerk)
        #expect(try client.post("\(path)/verify", json: [:], token: world.clerk).status == 403)
        #expect(try client.post("\(path)/verify", json: [:], token: world.inspector, headers: [("If-Match", "\"v1\"")]).status == 412)
        let verified = try client.post("\(path)/verify", json: [:], token: world.inspector)
        #expect(verified.status == 200)
        #expect(verified.json["status"]?.stringValue == "verified")
        #expect(verified.json["verified_by"]?["username"]?.stringValue == "inspector1")
        #expect(try client.post("\(path)/verify", json: [:], token: world.inspector).status == 409)
        #expect(try client.post("\(path)/rectify", json: ["note": "x"], token: world.clerk).status == 409)

        let reopened = try client.post("\(path)/reopen", json: ["reason": "复查发现仍有混投", "rectify_by": "2020-06-30"],
                                       token: world.inspector)
        #expect(reopened.status == 200)
        #expect(reopened.json["status"]?.stringValue == "open")
        #expect(reopened.json["reopen_reason"]?.stringValue == "复查发现仍有混投")
        #expect(reopened.json["rectified_at"] == .null)
        #expect(reopened.json["verified_by"] == .null)
        _ = try client.post("\(path)/rectify", json: ["note": "再次整改"], token: world.clerk)
        let bare = try client.request("POST", "\(path)/reopen", token: world.admin)   // a reason and a new deadline are required
        #expect(bare.status == 415)
        #expect(try client.post("\(path)/reopen", json: ["reason": "仍有混投", "rectify_by": "2020-07-10"], token: world.admin).status == 200)
        #expect(try client.post("\(path)/reopen", json: ["why": "x"], token: world.admin).status == 400)
        let actions = try world.app.pool.read { db in
            try db.query("SELECT action FROM audit_events WHERE entity = 'finding' AND entity_id = ? ORDER BY id", [id])
                .map { try $0.string("action") }
        }
        #expect(actions == ["rectify", "verify", "reopen", "rectify", "reopen"])
    }

    @Test func overdueFollowsTheClockInDistrictTime() throws {
        let world = try InspectionWorld(rectificationNeedsPhoto: false)
        let ids = try findings(world, deadlines: ["2020-06-20", "2020-06-20", "2020-06-30"])
        let (late, onTime, later) = (ids[0], ids[1], ids[2])
        #expect(try self.ids(world, "?overdue=true").isEmpty)
        _ = try world.app.client.post("/v1/findings/\(onTime)/rectify", json: ["note": "按期整改"], token: world.clerk)

        // 2020-06-20 23:00 in the district (UTC+8): the deadline day itself is not overdue
        world.app.clock.set(Timestamp(parsing: "2020-06-20T15:00:00Z")!)
        #expect(try self.ids(world, "?overdue=true").isEmpty)
        // 2020-06-21 00:30 in the district, still 06-20 in UTC
        world.app.clock.set(Timestamp(parsing: "2020-06-20T16:30:00Z")!)
        #expect(try self.ids(world, "?overdue=true") == [late])
        #expect(try self.ids(world, "?overdue=false") == [onTime, later])
        let shown = try world.app.client.get("/v1/findings/\(late)", token: world.clerk)
        #expect(shown.json["overdue"] == .bool(true))
        #expect(shown.json["rectified_late"] == .bool(false))

        let rectified = try world.app.client.post("/v1/findings/\(late)/rectify", json: ["note": "逾期整改"], token: world.clerk)
        #expect(rectified.json["overdue"] == .bool(true))
        #expect(rectified.json["rectified_late"] == .bool(true))
        _ = try world.app.client.post("/v1/findings/\(late)/verify", json: [:], token: world.inspector)
        world.app.clock.set(Timestamp(parsing: "2020-07-05T04:00:00Z")!)
        #expect(try self.ids(world, "?overdue=true") == [late, later])
        #expect(try self.ids(world, "?overdue=true&status=verified") == [late])
        #expect(try self.ids(world, "?overdue=true&status=open") == [later])
        #expect(try world.app.client.get("/v1/findings?overdue=yes", token: world.inspector).status == 400)
    }

    @Test func voidingTheInspectionWithdrawsItsFindings() throws {
        let world = try InspectionWorld(rectificationNeedsPhoto: false)
        let inspection = try world.create(world.body(findings: [InspectionWorld.finding(), InspectionWorld.finding("B1")]), finalize: true)
        let id = try #require(inspection["id"]?.int64)
        let findingIDs = inspection["findings"]?.arrayValue?.compactMap { $0["id"]?.int64 } ?? []
        _ = try world.app.client.post("/v1/findings/\(findingIDs[0])/rectify", json: ["note": "已整改"], token: world.clerk)
        _ = try world.app.client.post("/v1/inspections/\(id)/void", json: ["reason": "重复检查"], token: world.inspector)
        #expect(try ids(world).isEmpty)
        #expect(try ids(world, "?status=withdrawn") == findingIDs)
        #expect(try ids(world, "?status=withdrawn", token: world.clerk) == findingIDs)
        let refused = try world.app.client.post("/v1/findings/\(findingIDs[1])/rectify", json: ["note": "x"], token: world.clerk)
        #expect(refused.status == 409)
        #expect(refused.json["detail"]?.stringValue?.contains("withdrawn") == true)
    }

    @Test func viewersSeeNoFindings() throws {
        let world = try InspectionWorld(rectificationNeedsPhoto: false)
        let id = try #require(try findings(world, deadlines: ["2020-06-20"]).first)
        #expect(try world.app.client.get("/v1/findings", token: world.viewer).status == 403)
        #expect(try world.app.client.get("/v1/findings/\(id)", token: world.viewer).status == 403)
        #expect(try world.app.client.post("/v1/findings/\(id)/rectify", json: ["note": "x"], token: world.viewer).status == 403)
        #expect(try world.app.client.post("/v1/findings/\(id)/verify", json: [:], token: world.viewer).status == 403)
        #expect(try world.app.client.get("/v1/findings").status == 401)
    }

    @Test func findingsListPagesAndFiltersByInspection() throws {
        let world = try InspectionWorld(rectificationNeedsPhoto: false)
        let first = try findings(world, deadlines: ["2020-06-20", "2020-06-21"])
        let second = try findings(world, institution: 2, deadlines: ["2020-06-22"])
        let page = try world.app.client.get("/v1/findings?limit=2", token: world.inspector)
        #expect(page.json["items"]?.arrayValue?.count == 2)
        let cursor = try #require(page.json["next_cursor"]?.stringValue)
        #expect(try ids(world, "?limit=2&cursor=\(cursor)") == second)
        let inspectionID = try #require(try world.app.client.get("/v1/findings/\(second[0])", token: world.admin).json["inspection_id"]?.int64)
        #expect(try ids(world, "?inspection_id=\(inspectionID)") == second)
        #expect(try ids(world, "?institution_id=1") == first)
        let summaries = try world.app.pool.read { db in
            try FindingStore.publishedFindings(db, from: CalendarDate(parsing: "2020-06-01")!, to: CalendarDate(parsing: "2020-06-30")!,
                                               today: CalendarDate(parsing: "2020-06-21")!)
        }
        #expect(summaries.map(\.id) == first + second)
        #expect(summaries.map(\.deadline.overdue) == [true, false, false])
    }
}
