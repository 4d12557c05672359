import Foundation
import JSON
import Spreadsheet
import Testing
@testable import WasteAPI

/// xlsx and Chinese headers on the lists that export, and one negotiation for all of them.
@Suite struct SpreadsheetExportTests {
    static let xlsx = XLSXFile.mediaType

    private func rows(_ response: HTTPTestClient.Response) throws -> [[String]] {
        try XLSXFile.rows(response.body).map(\.cells)
    }

    @Test func institutionsExportAsXlsxWithChineseHeadersLabelsAndRealDates() throws {
        let app = try TestApp()
        try app.createInstitution(code: "A1", name: "尖山区委办公室", [
            ("kind", "party_government_organ"), ("has_canteen", true), ("plan_submitted_on", "2020-04-15"),
            ("building_area_m2", 987.65), ("parent_department", "=HYPERLINK(\"x\")"),
        ])
        let english = try app.client.get("/v1/institutions", token: app.adminToken, headers: [("Accept", Self.xlsx)])
        #expect(english.status == 200)
        #expect(english.header("content-type") == Self.xlsx)
        #expect(english.header("content-disposition") == "attachment; filename=\"institutions.xlsx\"")
        let table = try rows(english)
        #expect(table[0] == InstitutionFields.description.names)
        let value = { (row: [String], name: String) in row[table[0].firstIndex(of: name) ?? 0] }
        #expect(table[1][0...3] == ["A1", "尖山区委办公室", "party_government_organ", "=HYPERLINK(\"x\")"])
        #expect(value(table[1], "has_canteen") == "true")
        #expect(value(table[1], "building_area_m2") == "987.65")
        #expect(value(table[1], "plan_submitted_on") == "2020-04-15")

        let chinese = try app.client.get("/v1/institutions?format=xlsx&headers=zh", token: app.adminToken)
        let zh = try rows(chinese)
        #expect(zh[0] == InstitutionFields.description.fields.map(\.headerZH))
        #expect(zh[0].prefix(3) == ["单位编码", "单位名称", "单位类型"])
        #expect(value(zh[1], "kind") == "党政机关")
        #expect(value(zh[1], "has_canteen") == "是")
        #expect(value(zh[1], "status") == "在用")
        #expect(value(zh[1], "plan_submitted_on") == "2020-04-15")

        let csv = try app.client.get("/v1/institutions?format=csv&headers=zh", token: app.adminToken)
        #expect(csv.header("content-type")?.hasPrefix("text/csv") == true)
        #expect(String(decoding: csv.body.dropFirst(3), as: UTF8.self).hasPrefix("单位编码,单位名称,单位类型,"))
        #expect(try app.client.get("/v1/institutions?headers=fr", token: app.adminToken, headers: [("Accept", "text/csv")])
            .errorFields == ["headers"])
    }

    @Test func anXlsxExportImportsBackInEitherHeaderLanguage() throws {
        let app = try TestApp()
        try app.createInstitution(code: "A1", name: "尖山区委办公室", [("kind", "state_enterprise"), ("working_body_established_on", "2020-03-01"),
                                                                  ("address", "tab\tand \"quotes\"")])
        for query in ["format=xlsx&status=all", "format=xlsx&status=all&headers=zh"] {
            let exported = try app.client.get("/v1/institutions?\(query)", token: app.adminToken)
            let fresh = try TestApp()
            let imported = try fresh.client.request("POST", "/v1/institutions/import", token: fresh.adminToken, body: exported.body,
                                                    contentType: Self.xlsx)
            #expect(imported.status == 200, "\(query): \(imported.text)")
            #expect(imported.json == ["created": 1, "updated": 0, "unchanged": 0])
            #expect(try fresh.exportCSV().body == app.exportCSV().body, "\(query)")
        }
    }

    @Test func ledgerEntriesExportAsXlsxWithChineseLabels() throws {
        let f = try LedgerFixture()
        try f.post(f.alpha, LedgerFixture.batch([
            LedgerFixture.entry("2026-11-02", "可回收物", "12.345", stage: "treated",
                                [("subcategory", "paper"), ("disposal", "recycled")]),
        ]))
        // A TAB-led note can no longer come in through the API (text is normalised); one stored
        // before that, or by hand, must still come out intact in a string cell.
        try f.app.sql("UPDATE ledger_entries SET note = ?", ["\t=1+1"])
        let english = try f.client.get(f.entriesPath(f.alpha) + "?format=xlsx", token: f.admin)
        #expect(english.header("content-disposition") == "attachment; filename=\"ledger-entries-1.xlsx\"")
        let table = try rows(english)
        #expect(table[0] == LedgerEntryCSV.header)
        #expect(table[1][2...7] == ["2026-11-02", "recyclable", "paper", "12.345", "true", "treated"])
        #expect(table[1][12] == "\t=1+1")
        let zh = try rows(try f.client.get(f.entriesPath(f.alpha) + "?format=xlsx&headers=zh", token: f.admin))
        #expect(zh[0][2...7] == ["日期", "类别", "细类", "重量（公斤）", "是否称重", "环节"])
        #expect(zh[1][3...7] == ["可回收物", "纸类", "12.345", "是", "处理"])
        #expect(zh[1][10] == "回收利用")
    }

    /// Issue 13 F3: a note starting with TAB or CR is exported so no spreadsheet runs it. Such
    /// notes can only be stored by hand now (the API trims and refuses control characters), and
    /// importing the file back applies the same rules.
    @Test func csvCellsStartingWithTabOrCarriageReturnAreNeutralisedAndTheImportAppliesTheTextRules() throws {
        let f = try LedgerFixture()
        try f.post(f.alpha, LedgerFixture.batch([
            LedgerFixture.entry("2026-11-02", "food", "1"),
            LedgerFixture.entry("2026-11-03", "food", "1"),
            LedgerFixture.entry("2026-11-04", "food", "1", [("note", "'=quoted")]),
        ]))
        try f.app.sql("UPDATE ledger_entries SET note = ? WHERE occurred_on = '2026-11-02'", ["\t=1+1"])
        try f.app.sql("UPDATE ledger_entries SET note = ? WHERE occurred_on = '2026-11-03'", ["\r=1+1"])
        let export = try f.client.get(f.entriesPath(f.alpha) + "?format=csv", token: f.admin)
        #expect(export.text.contains(",'\t=1+1,"))
        #expect(export.text.contains(",\"'\r=1+1\","))
        #expect(export.text.contains(",''=quoted,"))
        let imported = try f.client.request("POST", f.entriesPath(f.beta) + "/import", token: f.admin, body: export.body,
                                            contentType: "text/csv")
        // The TAB is trimmed; a CR inside a note is a control character the import refuses, naming the line.
        #expect(imported.status == 400, Comment(rawValue: imported.text))
        #expect(imported.errorFields == ["line 3.note"])
    }

    /// One negotiator: the same Accept gives the same kind of answer on every list.
    @Test(arguments: [
        ("text/*", "text/csv"), ("*/*", "application/json"), ("application/*", "application/json"),
        ("text/csv;q=0.5, \(xlsx)", xlsx), ("application/json;q=0.1, text/csv;q=0.1", "application/json"),
        ("image/png", "406"), ("text/html, application/xml", "406"), ("application/json;q=0, */*;q=0.2", "text/csv"),
        ("", "application/json"),
    ])
    func everyListNegotiatesTheSameWay(_ accept: String, _ expected: String) throws {
        let f = try LedgerFixture()
        for path in ["/v1/institutions", f.entriesPath(f.alpha), "/v1/findings", "/v1/ledger-reports?month=2026-10",
                     "/v1/rankings?period=2026-10", "/v1/stats/ledger?period=2026-10", "/v1/stats/overview?period=2026-10",
                     "/v1/facility-compliance"] {
            let response = try f.client.get(path, token: f.admin, headers: accept.isEmpty ? [] : [("Accept", accept)])
            if expected == "406" {
                #expect(response.status == 406, "\(path) \(accept)")
                #expect(response.header("content-type")?.hasPrefix("application/problem+json") == true)
            } else {
                #expect(response.status == 200, "\(path) \(accept): \(response.text.prefix(300))")
                #expect(response.header("content-type")?.hasPrefix(expected) == true, "\(path) \(accept)")
            }
        }
    }

    @Test func theOpenAPIDocumentDeclaresTheSpreadsheetMediaTypes() throws {
        let app = try TestApp()
        let paths = try #require(try app.client.get("/openapi.json").json["paths"])
        for path in ["/v1/institutions", "/v1/institutions/{id}/ledger-entries", "/v1/findings", "/v1/ledger-reports", "/v1/rankings",
                     "/v1/stats/ledger", "/v1/stats/overview", "/v1/facility-compliance"] {
            let get = paths[path]?["get"]
            let content = get?["responses"]?["200"]?["content"]?.objectValue?.keys ?? []
            #expect(Set(content) == ["application/json", "text/csv", Self.xlsx], "\(path)")
            #expect(get?["responses"]?["406"] != nil, "\(path)")
        }
        for path in ["/v1/institutions/import", "/v1/institutions/{id}/ledger-entries/import"] {
            let body = paths[path]?["post"]?["requestBody"]?["content"]?.objectValue?.keys ?? []
            #expect(Set(body) == ["text/csv", Self.xlsx], "\(path)")
        }
    }

    @Test func paginatedListsExportEveryPageAndAJSONETagNeverAnswersASpreadsheet() throws {
        let f = try LedgerFixture()
        let csv = try f.client.get("/v1/facility-compliance?format=csv&limit=1", token: f.admin)
        #expect(csv.status == 200)
        let lines = String(decoding: csv.body.dropFirst(3), as: UTF8.self).split(separator: "\r\n")
        #expect(lines.count == 3, "\(csv.text)")  // the header and both institutions, over two pages
        #expect(lines.dropFirst().map { $0.prefix(5) } == ["A001,", "B002,"])
        #expect(lines[0] == "institution_code,institution_name,as_of,compliant,score,shortfalls")
        #expect(lines.dropFirst().allSatisfy { !$0.contains("\"rule\"") })  // shortfalls are their messages, not JSON

        let json = try f.client.get("/v1/rankings?period=2026-10", token: f.admin)
        let etag = try #require(json.header("etag"))
        #expect(try f.client.get("/v1/rankings?period=2026-10", token: f.admin, headers: [("If-None-Match", etag)]).status == 304)
        let sheet = try f.client.get("/v1/rankings?period=2026-10&format=xlsx", token: f.admin, headers: [("If-None-Match", etag)])
        #expect(sheet.status == 200)
        #expect(sheet.header("etag") == nil)
        #expect(try XLSXFile.rows(sheet.body).first?.cells.first == "rank")
    }
}
