import Foundation
import JSON
import Testing
import WasteDomain

/// `GET /v1/ledger-reports` pages like every list, with summaries over the whole month (issue 13, F7).
@Suite struct LedgerReportPagingTests {
    @Test func pagesFollowTheCodeOrderAndTheSummaryCoversEveryPage() throws {
        let f = try LedgerFixture()
        for index in 3...12 {
            try f.addInstitution(Int64(index), code: String(format: "C%03d", index), name: "单位\(index)", headcount: 5)
        }
        var codes: [String] = []
        var cursor: String?
        var pages = 0
        repeat {
            let path = "/v1/ledger-reports?month=2026-10&limit=5" + (cursor.map { "&cursor=\($0)" } ?? "")
            let page = try f.client.get(path, token: f.inspector)
            #expect(page.status == 200)
            let items = page.json["items"]?.arrayValue ?? []
            #expect(items.count <= 5)
            codes += items.compactMap { $0["institution"]?["code"]?.stringValue }
            #expect(page.json["count"]?.numberValue?.int64 == 12)
            #expect(page.json["counts"]?["open"]?.numberValue?.int64 == 12)
            #expect(page.json["late_count"]?.numberValue?.int64 == 12)
            cursor = page.json["next_cursor"]?.stringValue
            pages += 1
        } while cursor != nil && pages < 10
        #expect(pages == 3)
        #expect(codes == ["A001", "B002"] + (3...12).map { String(format: "C%03d", $0) })
        let defaulted = try f.client.get("/v1/ledger-reports?month=2026-10", token: f.inspector)
        #expect(defaulted.json["items"]?.arrayValue?.count == 12)
        #expect(defaulted.json["next_cursor"] == .null)
        #expect(try f.client.get("/v1/ledger-reports?month=2026-10&cursor=bm9wZQ", token: f.inspector).errorFields == ["cursor"])
        #expect(try f.client.get("/v1/ledger-reports?month=2026-10&limit=501", token: f.inspector).errorFields == ["limit"])
    }
}
