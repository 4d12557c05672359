import Foundation
import JSON
import Testing

@Suite struct InstitutionListTests {
    private func ids(_ response: HTTPTestClient.Response) -> [Int64] {
        response.json["items"]?.arrayValue?.compactMap { $0["id"]?.numberValue?.int64 } ?? []
    }

    @Test func cursorWalksEveryPageOnceInIdOrder() throws {
        let app = try TestApp()
        var created: [Int64] = []
        for index in 1...7 { created.append(try app.createInstitution(code: "U\(index)", name: "单位\(index)")) }
        var seen: [Int64] = []
        var path = "/v1/institutions?limit=3"
        var pages = 0
        while true {
            let page = try app.client.get(path, token: app.adminToken)
            #expect(page.status == 200)
            seen += ids(page)
            pages += 1
            guard let cursor = page.json["next_cursor"]?.stringValue else { break }
            path = "/v1/institutions?limit=3&cursor=\(cursor)"
        }
        #expect(pages == 3)
        #expect(seen == created)
        #expect(try app.client.get("/v1/institutions?limit=0", token: app.adminToken).status == 400)
        #expect(try app.client.get("/v1/institutions?cursor=bogus", token: app.adminToken).status == 400)
    }

    @Test func filtersNarrowByTextKindAndStatus() throws {
        let app = try TestApp()
        let education = try app.createInstitution(code: "EDU-01", name: "尖山区教育局", [("kind", "public_institution")])
        let finance = try app.createInstitution(code: "FIN-01", name: "尖山区财政局")
        let hospital = try app.createInstitution(code: "hos-9", name: "Shuangyashan Hospital", [("kind", "public_institution")])
        #expect(try app.client.delete("/v1/institutions/\(finance)", token: app.adminToken).status == 204)

        #expect(ids(try app.client.get("/v1/institutions", token: app.adminToken)) == [education, hospital])
        #expect(ids(try app.client.get("/v1/institutions?status=all", token: app.adminToken)) == [education, finance, hospital])
        #expect(ids(try app.client.get("/v1/institutions?status=archived", token: app.adminToken)) == [finance])
        #expect(ids(try app.client.get("/v1/institutions?q=%E6%95%99%E8%82%B2", token: app.adminToken)) == [education])  // 教育
        #expect(ids(try app.client.get("/v1/institutions?q=edu", token: app.adminToken)) == [education])
        #expect(ids(try app.client.get("/v1/institutions?q=HOSPITAL", token: app.adminToken)) == [hospital])
        #expect(ids(try app.client.get("/v1/institutions?q=HOS-", token: app.adminToken)) == [hospital])
        #expect(ids(try app.client.get("/v1/institutions?kind=public_institution", token: app.adminToken)) == [education, hospital])
        #expect(ids(try app.client.get("/v1/institutions?kind=party_government_organ&status=all", token: app.adminToken)) == [finance])

        let badKind = try app.client.get("/v1/institutions?kind=school", token: app.adminToken)
        #expect(badKind.status == 400)
        #expect(badKind.errorFields == ["kind"])
        let badStatus = try app.client.get("/v1/institutions?status=closed", token: app.adminToken)
        #expect(badStatus.status == 400)
        #expect(badStatus.errorFields == ["status"])
        #expect(try app.client.get("/v1/institutions?sort=name", token: app.adminToken).errorFields == ["sort"])
    }

    @Test func csvExportHasBOMHeaderAndChineseTextAndUnknownAcceptIs406() throws {
        let app = try TestApp()
        try app.createInstitution(code: "A1", name: "尖山区人民政府办公室", [("address", "新兴大街1号, 三楼"), ("building_area_m2", 1200),
                                                                   ("reporting_starts_on", "2026-07-01")])
        let csv = try app.exportCSV("")
        #expect(csv.status == 200)
        #expect(csv.header("content-type")?.hasPrefix("text/csv") == true)
        #expect(Array(csv.body.prefix(3)) == [0xEF, 0xBB, 0xBF])
        let text = String(decoding: csv.body.dropFirst(3), as: UTF8.self)
        let lines = text.components(separatedBy: "\r\n")
        #expect(lines[0] == "code,name,kind,parent_department,address,latitude,longitude,headcount,floors,has_canteen,building_area_m2,contact_name,contact_phone,working_body_established_on,plan_submitted_on,reporting_starts_on,status")
        #expect(lines[1] == "A1,尖山区人民政府办公室,party_government_organ,,\"新兴大街1号, 三楼\",,,0,1,false,1200,,,,,2026-07-01,active")
        let viaQuery = try app.client.get("/v1/institutions?format=csv", token: app.adminToken)
        #expect(viaQuery.body == csv.body)
        #expect(try app.client.get("/v1/institutions", token: app.adminToken, headers: [("Accept", "text/html")]).status == 406)
        #expect(try app.client.get("/v1/institutions", token: app.adminToken,
                                   headers: [("Accept", "text/html, application/json;q=0.5")]).status == 200)
        #expect(try app.client.get("/v1/institutions?format=xml", token: app.adminToken).status == 400)
    }
}
