import Foundation
import JSON
import Spreadsheet
import Testing
@testable import WasteAPI

/// Imports as clerks send them: xlsx or CSV, Chinese headers and labels, Chinese date forms,
/// and a row limit.
@Suite struct SpreadsheetImportTests {
    static let xlsx = XLSXFile.mediaType

    /// An xlsx file of text cells, the first row the header.
    static func workbook(_ rows: [[String]]) throws -> [UInt8] {
        let columns = (rows.first ?? []).map { SheetColumn($0, $0) }
        return try XLSXFile.write(Sheet(name: "导入", columns: columns, rows: rows.dropFirst().map { $0.map(Cell.text) }))
    }

    private func importInstitutions(_ app: TestApp, _ body: [UInt8], type: String) throws -> HTTPTestClient.Response {
        try app.client.request("POST", "/v1/institutions/import", token: app.adminToken, body: body, contentType: type)
    }

    @Test func institutionsImportChineseHeadersLabelsAndDateForms() throws {
        let app = try TestApp()
        let csv = """
            单位编码,单位名称,单位类型,人数,有无食堂,方案报送日期,工作机构成立日期,状态
            Z1,甲单位,党政机关,10,是,2026/11/4,2026年3月1日,在用
            Z2,乙单位,国企,3,否,2026-11-04,2026.3.1,已归档

            """
        let response = try importInstitutions(app, Array(csv.utf8), type: "text/csv")
        #expect(response.status == 200, "\(response.text)")
        let rows = try app.rows("SELECT code, kind, has_canteen, plan_submitted_on, working_body_established_on, status FROM institutions ORDER BY code")
        #expect(rows.map { $0["kind"] } == ["party_government_organ", "state_enterprise"])
        #expect(rows.map { $0["plan_submitted_on"] } == ["2026-11-04", "2026-11-04"])
        #expect(rows.map { $0["working_body_established_on"] } == ["2026-03-01", "2026-03-01"])
        #expect(rows.map { $0["status"] } == ["active", "archived"])
    }

    @Test func institutionsImportFromXlsxReportBadRowsByTheirSheetRow() throws {
        let app = try TestApp()
        let file = try Self.workbook([
            ["单位编码", "单位名称", "单位类型", "方案报送日期"],
            ["X1", "甲单位", "党政机关", "2026年11月4日"],
            ["X2", "乙单位", "学校", "2026/13/4"],
        ])
        let refused = try importInstitutions(app, file, type: Self.xlsx)
        #expect(refused.status == 400)
        #expect(Set(refused.errorFields) == ["line 3.kind", "line 3.plan_submitted_on"])
        #expect(try app.rows("SELECT id FROM institutions").isEmpty)

        let good = try Self.workbook([["code", "name", "kind"], ["X1", "甲单位", "党政机关"]])
        #expect(try importInstitutions(app, good, type: Self.xlsx).json == ["created": 1, "updated": 0, "unchanged": 0])
        let notXlsx = try importInstitutions(app, Array("code,name,kind\n".utf8), type: Self.xlsx)
        #expect(notXlsx.status == 400)
        #expect(notXlsx.text.contains("not an xlsx workbook"))
        let wrongType = try importInstitutions(app, good, type: "application/octet-stream")
        #expect(wrongType.status == 415)
        #expect(wrongType.text.contains("text/csv") && wrongType.text.contains(Self.xlsx))
    }

    @Test func importsOverTheRowLimitAreA413() throws {
        let app = try TestApp { $0.importMaxRows = 3 }
        let rows = [["code", "name", "kind"]] + (1...4).map { ["R\($0)", "单位\($0)", "other"] }
        let csv = rows.map { $0.joined(separator: ",") }.joined(separator: "\n")
        for (body, type) in [(Array(csv.utf8), "text/csv"), (try Self.workbook(rows), Self.xlsx)] {
            let response = try importInstitutions(app, body, type: type)
            #expect(response.status == 413, "\(type): \(response.text)")
            #expect(response.json["detail"]?.stringValue?.contains("at most 3") == true, "\(type)")
        }
        #expect(try importInstitutions(app, Array(rows.prefix(4).map { $0.joined(separator: ",") }.joined(separator: "\n").utf8),
                                       type: "text/csv").status == 200)
    }

    @Test func ledgerEntriesImportFromXlsxWithChineseLabelsAndDates() throws {
        let f = try LedgerFixture()
        let file = try Self.workbook([
            ["日期", "类别", "细类", "重量（公斤）", "环节", "处置方式", "是否称重", "备注"],
            ["2026/11/4", "厨余垃圾", "餐厨", "12.5", "收集", "堆肥", "否", "食堂"],
            ["2026年11月5日", "可回收物", "纸类", "0.125", "运输", "回收利用", "是", "=1+1"],
        ])
        let response = try f.client.request("POST", f.entriesPath(f.alpha) + "/import", token: f.clerkA, body: file,
                                            contentType: Self.xlsx)
        #expect(response.status == 201, "\(response.text)")
        let items = response.json["items"]?.arrayValue ?? []
        #expect(items.map { $0["occurred_on"] } == ["2026-11-04", "2026-11-05"])
        #expect(items.map { $0["subcategory"] } == ["restaurant_food", "paper"])
        #expect(items.map { $0["stage"] } == ["collected", "transported"])
        #expect(items.map { $0["disposal"] } == ["composted", "recycled"])
        #expect(items.map { $0["weighed"] } == [.bool(false), .bool(true)])
        #expect(items.last?["note"] == "=1+1")  // xlsx text is text: nothing to undo

        let bad = try Self.workbook([["日期", "类别", "重量", "环节"], ["2026/11/4", "厨余垃圾", "abc", "收集"],
                                     ["2026/11/31", "厨余垃圾", "1", "收集"]])
        let refused = try f.client.request("POST", f.entriesPath(f.alpha) + "/import", token: f.clerkA, body: bad,
                                           contentType: Self.xlsx)
        #expect(refused.status == 400)
        #expect(refused.errorFields == ["line 2.weight_kg", "line 3.occurred_on"])
    }
}
