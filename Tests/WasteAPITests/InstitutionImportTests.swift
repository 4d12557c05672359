import Foundation
import JSON
import Storage
import Testing
@testable import WasteAPI
import WasteDomain

@Suite struct InstitutionImportTests {
    static let header = "code,name,kind,parent_department,address,headcount,floors,has_canteen,building_area_m2,contact_name,contact_phone,working_body_established_on,plan_submitted_on,status"

    @Test func exportImportIntoAFreshDatabaseAndExportAgainGivesTheSameBytes() throws {
        let app = try TestApp()
        try app.createInstitution(code: "A1", name: "尖山区委办公室", [
            ("address", "新兴大街1号,\n\"东楼\" 3层"), ("parent_department", "=HYPERLINK(\"x\")"), ("contact_phone", "+86 469 4221234"),
            ("building_area_m2", 987.65), ("has_canteen", true), ("headcount", 120), ("floors", 6),
            ("working_body_established_on", "2020-03-01"), ("plan_submitted_on", "2020-04-15"),
        ])
        try app.createInstitution(code: "B.2", name: "'-quoted, \"name\"", [("kind", "other"), ("contact_name", "@李'四"), ("address", "a\n\tb")])
        let archived = try app.createInstitution(code: "C_3", name: "双鸭山市第一中学", [("kind", "public_institution")])
        #expect(try app.client.delete("/v1/institutions/\(archived)", token: app.adminToken).status == 204)
        let exported = try app.exportCSV()
        #expect(exported.status == 200)

        let fresh = try TestApp()
        let imported = try fresh.importCSV(bytes: exported.body)
        #expect(imported.status == 200, "\(imported.text)")
        #expect(imported.json == ["created": 3, "updated": 0, "unchanged": 0])
        let again = try fresh.exportCSV()
        #expect(again.body == exported.body)
        let original = try app.client.get("/v1/institutions/1", token: app.adminToken).json
        let copy = try fresh.client.get("/v1/institutions/1", token: fresh.adminToken).json
        #expect(original["parent_department"] == copy["parent_department"])
        #expect(copy["parent_department"]?.stringValue == "=HYPERLINK(\"x\")")
        #expect(copy["address"]?.stringValue == "新兴大街1号,\n\"东楼\" 3层")

        // re-importing the same file changes nothing
        #expect(try fresh.importCSV(bytes: exported.body).json == ["created": 0, "updated": 0, "unchanged": 3])
    }

    @Test func editedExportUpdatesByCodeAndCreatesNewCodes() throws {
        let app = try TestApp()
        let id = try app.createInstitution(code: "A1", name: "甲单位", [("headcount", 10)])
        let csv = """
            code,headcount,name,kind
            A1,25,甲单位,党政机关
            A2,3,乙单位,事业单位

            """
        let response = try app.importCSV(csv)
        #expect(response.status == 200, "\(response.text)")
        #expect(response.json == ["created": 1, "updated": 1, "unchanged": 0])
        let updated = try app.client.get("/v1/institutions/\(id)", token: app.adminToken).json
        #expect(updated["headcount"]?.numberValue?.int64 == 25)
        #expect(updated["version"]?.numberValue?.int64 == 2)
        #expect(try app.rows("SELECT kind FROM institutions WHERE code = 'A2'").first?["kind"] == "public_institution")
        let audit = try app.rows("SELECT action, entity_id, after FROM audit_events WHERE entity = 'institution' ORDER BY id")
        #expect(audit.map { $0["action"] } == ["create", "update", "create", "import"])
        #expect(try JSONValue.parse(Array((audit[3]["after"] ?? "").utf8)) == ["created": 1, "updated": 1, "unchanged": 0])
    }

    @Test func namesMayMoveBetweenInstitutionsInOneFile() throws {
        let app = try TestApp()
        try app.createInstitution(code: "A1", name: "甲")
        try app.createInstitution(code: "A2", name: "乙")
        let response = try app.importCSV("code,name,kind\nA1,乙,other\nA2,甲,other\n")
        #expect(response.status == 200, "\(response.text)")
        #expect(try app.rows("SELECT code, name FROM institutions ORDER BY id").map { $0["name"] } == ["乙", "甲"])
    }

    @Test func badRowsAreAllReportedWithLineNumbersAndNothingIsStored() throws {
        let app = try TestApp()
        try app.createInstitution(code: "OLD", name: "已有单位")
        let csv = """
            code,name,kind,headcount,has_canteen,plan_submitted_on
            N1,新单位一,party_government_organ,10,true,2020-01-01
            N2,,party_government_organ,-3,maybe,2020-13-01
            N3,"多行
            名称",school,1,false,
            N4,新单位一,other,1,false,
            N1,新单位五,other,1,false,
            N6,已有单位,other,1,false,
            N7,只有三格,other

            """
        let response = try app.importCSV(csv)
        #expect(response.status == 400)
        #expect(response.errorFields == [
            "line 3.name", "line 3.headcount", "line 3.has_canteen", "line 3.plan_submitted_on",
            "line 4.name", "line 4.kind", "line 6.name", "line 7.code", "line 8.name", "line 9",
        ])
        #expect(try app.rows("SELECT code FROM institutions").map { $0["code"] } == ["OLD"])
        #expect(try app.rows("SELECT action FROM audit_events WHERE action = 'import'").isEmpty)
    }

    @Test func headerProblemsAndWrongMediaTypeAreRefused() throws {
        let app = try TestApp()
        let unknown = try app.importCSV("code,name,kind,colour\nA1,甲,other,red\n")
        #expect(unknown.status == 400)
        #expect(unknown.errorFields == ["line 1.colour"])
        let missing = try app.importCSV("code,headcount\nA1,3\n")
        #expect(Set(missing.errorFields) == ["line 1.name", "line 1.kind"])
        #expect(try app.importCSV("").status == 400)
        #expect(try app.importCSV("code,name,kind\n\"A1,甲,other\n").errorFields == ["line 2"])
        #expect(try app.importCSV("code,name,kind\nA1,甲,other\n", contentType: "application/json").status == 415)
        #expect(try app.importCSV("code,name,kind\nA1,甲,other\n", contentType: "text/csv; charset=gbk").status == 415)
        #expect(try app.importCSV(bytes: [0x63, 0x6F, 0x64, 0x65, 0x0A, 0xB0, 0xA1]).status == 400)
    }

    @Test func fiveThousandRowsImportInOneRequest() throws {
        let app = try TestApp()
        var csv = Self.header + "\r\n"
        for index in 1...5000 {
            csv += "U\(index),单位\(index),public_institution,区教育局,\"第\(index)号, 新兴大街\",\(index % 300),3,true,1234.5,张三,0469-1234567,2020-01-0\(index % 9 + 1),,active\r\n"
        }
        let start = ContinuousClock.now
        let response = try app.importCSV(csv)
        let elapsed = ContinuousClock.now - start
        #expect(response.status == 200, "\(response.text.prefix(500))")
        #expect(response.json == ["created": 5000, "updated": 0, "unchanged": 0])
        #expect(try app.rows("SELECT count(*) AS n FROM institutions").first?["n"] == "5000")
        print("imported 5000 institutions over HTTP in \(elapsed)")
        let again = try app.importCSV(csv)
        #expect(again.json == ["created": 0, "updated": 0, "unchanged": 5000])
    }

    @Test func commandLineImporterWritesIntoTheDatabase() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("wastesort-import-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let pool = try DatabasePool(path: directory.appendingPathComponent("cli.db").path)
        defer { pool.close() }
        _ = try pool.migrate(Migrator(source: .directory(TestApp.migrations)))
        let actor = InstitutionImport.Actor(userID: nil, username: "cli:test")
        let now = Timestamp(secondsSinceEpoch: 1_600_000_000)
        let csv = Array("code,name,kind\nA1,尖山区司法局,党政机关\nA2,尖山区医院,事业单位\n".utf8)
        let summary = try InstitutionImport.run(csv: csv, database: pool, actor: actor, now: now)
        #expect(summary == InstitutionImport.Summary(created: 2, updated: 0, unchanged: 0))
        let names = try pool.read { db in try db.query("SELECT name FROM institutions ORDER BY id").map { try $0.string("name") } }
        #expect(names == ["尖山区司法局", "尖山区医院"])
        let actors = try pool.read { db in try db.query("SELECT DISTINCT actor_username FROM audit_events").map { try $0.string("actor_username") } }
        #expect(actors == ["cli:test"])

        let bad = Array("code,name,kind\nA3,,other\n".utf8)
        #expect(throws: InstitutionImport.Failure.self) {
            try InstitutionImport.run(csv: bad, database: pool, actor: actor, now: now)
        }
    }
}
