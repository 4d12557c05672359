import Foundation
import JSON
import Testing
import WasteDomain

@Suite struct TaskTests {
    @Test func doneOnMustMatchTheStatus() throws {
        let fixture = try ActivityFixture()
        let client = fixture.app.client
        let doneWithout = try client.post("/v1/institutions/1/tasks", json: [
            "title": "", "owner": "张伟", "due_on": "2020-06-30", "status": "done",
        ], token: fixture.clerkA)
        #expect(Set(doneWithout.errorFields) == ["title", "done_on"])
        let openWith = try client.post("/v1/institutions/1/tasks", json: [
            "title": "设置分类桶", "due_on": "2020-06-31", "status": "open", "done_on": "2020-06-01",
        ], token: fixture.clerkA)
        #expect(Set(openWith.errorFields) == ["owner", "due_on", "done_on"])
        let badStatus = try client.post("/v1/institutions/1/tasks", json: [
            "title": "设置分类桶", "owner": "张伟", "due_on": "2020-06-30", "status": "finished", "done_on": "2020-06-01",
        ], token: fixture.clerkA)
        #expect(badStatus.errorFields == ["status"])
        #expect(try fixture.count("tasks") == 0)
    }

    @Test func completingAndReopeningATask() throws {
        let fixture = try ActivityFixture()
        let client = fixture.app.client
        let task = try fixture.create("tasks", ["title": "建立工作机构", "owner": "王芳", "due_on": "2020-05-31"])
        #expect(task["status"]?.stringValue == "open")
        #expect(task["done_on"] == .null)
        let path = "/v1/tasks/\(task.scopedID)"
        let notDated = try client.patch(path, json: ["status": "done"], token: fixture.clerkA)
        #expect(notDated.errorFields == ["done_on"])
        let done = try client.patch(path, json: ["status": "done", "done_on": "2020-05-20"], token: fixture.clerkA)
        #expect(done.json["done_on"]?.stringValue == "2020-05-20")
        #expect(done.json["overdue"] == .bool(false))
        let reopened = try client.patch(path, json: ["status": "in_progress"], token: fixture.clerkA)
        #expect(reopened.status == 200)
        #expect(reopened.json["done_on"] == .null)
        #expect(reopened.json["status"]?.stringValue == "in_progress")
    }

    @Test func overdueFollowsTheDistrictDayOnTheTestClock() throws {
        let fixture = try ActivityFixture()
        let app = fixture.app
        let task = try fixture.create("tasks", ["title": "提交实施方案", "owner": "赵强", "due_on": "2020-06-30"])
        let path = "/v1/tasks/\(task.scopedID)"
        // 23:59:59 on the due day in Beijing time: not yet overdue
        app.clock.set(try #require(Timestamp(parsing: "2020-06-30T15:59:59Z")))
        #expect(try app.client.get(path, token: fixture.clerkA).json["overdue"] == .bool(false))
        // 00:30 the next day in Beijing, still 30 June in UTC: overdue
        app.clock.set(try #require(Timestamp(parsing: "2020-06-30T16:30:00Z")))
        #expect(try app.client.get(path, token: fixture.clerkA).json["overdue"] == .bool(true))
        // the district's offset comes from the settings
        #expect(try app.client.put("/v1/settings", json: ["utc_offset_minutes": 0], token: fixture.admin).status == 200)
        #expect(try app.client.get(path, token: fixture.clerkA).json["overdue"] == .bool(false))
    }

    @Test func listFiltersByOverdueAndStatus() throws {
        let fixture = try ActivityFixture()
        let app = fixture.app
        app.clock.set(try #require(Timestamp(parsing: "2020-07-01T04:00:00Z")))
        let late = try fixture.create("tasks", ["title": "张贴宣传海报", "owner": "孙丽", "due_on": "2020-06-15"])
        let dueToday = try fixture.create("tasks", ["title": "组织业务培训", "owner": "周杰", "due_on": "2020-07-01",
                                                    "status": "in_progress"])
        let doneLate = try fixture.create("tasks", ["title": "签订收运协议", "owner": "吴敏", "due_on": "2020-06-01",
                                                    "status": "done", "done_on": "2020-06-20"])
        func ids(_ query: String) throws -> [Int64] {
            try app.client.get("/v1/institutions/1/tasks?\(query)", token: fixture.inspector)
                .json["items"]?.arrayValue?.map(\.scopedID) ?? []
        }
        #expect(try ids("overdue=true") == [late.scopedID])
        #expect(try ids("overdue=false") == [dueToday.scopedID, doneLate.scopedID])
        #expect(try ids("status=done") == [doneLate.scopedID])
        #expect(try ids("status=open&overdue=false") == [])
        #expect(try ids("from=2020-06-10&to=2020-07-31") == [late.scopedID, dueToday.scopedID])
        #expect(try app.client.get("/v1/institutions/1/tasks?overdue=yes", token: fixture.admin).status == 400)
        #expect(try app.client.get("/v1/institutions/1/tasks?status=closed", token: fixture.admin).status == 400)
        // the computed field agrees with the filter
        let listed = try app.client.get("/v1/institutions/1/tasks", token: fixture.admin).json["items"]?.arrayValue ?? []
        #expect(listed.map { $0["overdue"] } == [.bool(true), .bool(false), .bool(false)])
    }
}
