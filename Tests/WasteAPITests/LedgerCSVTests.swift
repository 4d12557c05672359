import JSON
import Testing

@Suite struct LedgerCSVTests {
    typealias F = LedgerFixture

    private func csv(_ f: LedgerFixture, _ institution: Int64, _ query: String = "", accept: String = "text/csv") throws -> HTTPTestClient.Response {
        try f.client.get(f.entriesPath(institution) + query, token: f.admin, headers: [("Accept", accept)])
    }

    private func importCSV(_ f: LedgerFixture, _ institution: Int64, _ text: String, token: String? = nil) throws -> HTTPTestClient.Response {
        try f.client.request("POST", f.entriesPath(institution) + "/import", token: token ?? f.admin, body: Array(text.utf8),
                             contentType: "text/csv; charset=utf-8")
    }

    /// The data columns of an export, without the ones the server assigns.
    private func dataRows(_ response: HTTPTestClient.Response) -> [[String]] {
        let text = String(decoding: response.body.dropFirst(3), as: UTF8.self)
        return text.split(separator: "\r\n").dropFirst().map { line in
            Array(line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)[2...12])
        }
    }

    @Test func exportAndImportRoundTripChineseTextAndExactWeights() throws {
        let f = try LedgerFixture()
        try f.post(f.alpha, F.batch([
            F.entry("2026-11-02", "餐厨垃圾", "12.345", [("hauler", "尖山区环卫所"), ("note", "食堂 \"午餐\", 二楼")]),
            F.entry("2026-11-03", "可回收物", "0.001", stage: "treated", [("subcategory", "paper"), ("disposal", "recycled"),
                                                                         ("weighed", false), ("manifest_no", "=SUM(A1)")]),
        ]))
        let export = try csv(f, f.alpha)
        #expect(export.status == 200)
        #expect(export.header("content-type")?.hasPrefix("text/csv") == true)
        #expect(Array(export.body.prefix(3)) == [0xEF, 0xBB, 0xBF])
        #expect(export.text.contains("\"食堂 \"\"午餐\"\", 二楼\""))
        #expect(export.text.contains("'=SUM(A1)"))  // a spreadsheet must not run it
        #expect(try f.client.get(f.entriesPath(f.alpha) + "?format=csv", token: f.admin).body == export.body)

        let imported = try importCSV(f, f.beta, export.text)
        #expect(imported.status == 201)
        #expect(imported.json["count"]?.numberValue?.int64 == 2)
        let reexport = try csv(f, f.beta)
        #expect(dataRows(reexport) == dataRows(export))
        #expect(dataRows(reexport).first?[3] == "12.345")
        #expect(try f.count("SELECT weight_g FROM ledger_entries WHERE institution_id = 2 AND category = 'recyclable'") == 1)
        // The import is one batch: one audit event listing both entries.
        #expect(try f.count("SELECT COUNT(*) FROM audit_events WHERE entity = 'ledger_entry' AND action = 'import'") == 1)
        #expect(try f.count("SELECT json_extract(after, '$.count') FROM audit_events WHERE action = 'import'") == 2)
        #expect(try f.count("SELECT json_array_length(after, '$.entries') FROM audit_events WHERE action = 'import'") == 2)
    }

    @Test func exportHonoursTheListFiltersAndAcceptPreferences() throws {
        let f = try LedgerFixture()
        try f.post(f.alpha, F.batch([F.entry("2026-10-02", "food", "1"), F.entry("2026-11-02", "residual", "2")]))
        #expect(dataRows(try csv(f, f.alpha, "?from=2026-11-01")).map { $0[3] } == ["2"])
        #expect(try csv(f, f.alpha, accept: "application/json").header("content-type")?.hasPrefix("application/json") == true)
        #expect(try csv(f, f.alpha, accept: "application/json;q=0.5, text/csv").header("content-type")?.hasPrefix("text/csv") == true)
        #expect(try csv(f, f.alpha, accept: "image/png").status == 406)
        #expect(try f.client.get(f.entriesPath(f.alpha) + "?format=xml", token: f.admin).errorFields == ["format"])
    }

    @Test func importTakesChineseHeadersAndCategoryNames() throws {
        let f = try LedgerFixture()
        let text = "日期,类别,重量,环节,是否称重,备注\n2026-11-02,湿垃圾,3.5,collected,否,早餐\n2026-11-03,干垃圾,1,collected,,\n"
        let response = try importCSV(f, f.alpha, text, token: f.clerkA)
        #expect(response.status == 201)
        let items = response.json["items"]?.arrayValue ?? []
        #expect(items.map { $0["category"] } == ["food", "residual"])
        #expect(items.map { $0["weighed"] } == [.bool(false), .bool(true)])
        #expect(items.first?["note"] == "早餐")
    }

    @Test func everyBadRowIsReportedByLineAndNothingIsStored() throws {
        let f = try LedgerFixture()
        let text = """
            occurred_on,category,weight_kg,stage
            2026-11-02,food,1,collected
            2026-11-02,food,1.0005,collected
            2026-11-31,food,1,collected
            2026-11-02,塑料,abc,collected,extra
            2026-11-02,residual,2,burned

            """
        let response = try importCSV(f, f.alpha, text)
        #expect(response.status == 400)
        #expect(Set(response.errorFields) == ["line 3.weight_kg", "line 4.occurred_on", "line 5", "line 6.stage"])
        #expect(try f.count("SELECT COUNT(*) FROM ledger_entries") == 0)
    }

    @Test func importRefusesBadHeadersMediaTypesAndOtherInstitutions() throws {
        let f = try LedgerFixture()
        let header = try importCSV(f, f.alpha, "occurred_on,category,weight,stage\n2026-11-02,food,1,collected\n")
        #expect(header.status == 400)
        #expect(header.errorFields == ["line 1", "line 1"])  // unknown "weight", missing weight_kg
        let json = try f.client.post(f.entriesPath(f.alpha) + "/import", json: ["a": 1], token: f.admin)
        #expect(json.status == 415)
        #expect(try importCSV(f, f.alpha, "occurred_on,category,weight_kg,stage\n").status == 400)
        #expect(try importCSV(f, f.beta, "occurred_on,category,weight_kg,stage\n2026-11-02,food,1,collected\n",
                              token: f.clerkA).status == 404)
        #expect(try importCSV(f, f.alpha, "occurred_on,category,weight_kg,stage\n\"2026-11-02,food,1,collected\n").errorFields == ["line 2"])
    }
}
