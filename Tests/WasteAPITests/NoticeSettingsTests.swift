import JSON
import Testing
import WasteDomain

/// The settings behind the notice's 版头 and 版记 (docs/NOTICE-FORMAT.md).
@Suite struct NoticeSettingsTests {
    @Test func theDefaultOfficeIsThePlansAndTheColophonFieldsStartEmpty() throws {
        let app = try TestApp()
        let settings = try app.client.get("/v1/settings", token: app.adminToken).json
        #expect(settings["issuing_office"]?.stringValue == "尖山区党政机关等公共机构生活垃圾分类工作领导小组办公室")
        #expect(settings["notice_cc"]?.stringValue == "")
        #expect(settings["printing_office"]?.stringValue == "")
    }

    @Test func copiesToAndPrintingOfficeAreValidatedStoredAndPrinted() throws {
        let app = try TestApp()
        app.clock.set(Timestamp(parsing: "2026-07-10T02:00:00Z")!)
        let bad = try app.client.put("/v1/settings", json: ["notice_cc": 7, "printing_office": .string(String(repeating: "办", count: 101))],
                                     token: app.adminToken)
        #expect(bad.status == 400)
        #expect(Set(bad.errorFields) == ["notice_cc", "printing_office"])
        let good = try app.client.put("/v1/settings", json: ["notice_cc": "区委办公室，区政府办公室", "printing_office": "尖山区机关事务管理局"],
                                      token: app.adminToken)
        #expect(good.status == 200)
        #expect(good.json["notice_cc"]?.stringValue == "区委办公室，区政府办公室")
        let preview = "/v1/notices/preview?period=2026-Q2&kind=quarterly"
        #expect(try app.client.get(preview, token: app.adminToken).json["notice_cc"]?.stringValue == "区委办公室，区政府办公室")
        for format in ["markdown", "text", "html"] {
            let text = try app.client.get(preview + "&format=\(format)", token: app.adminToken).text
            #expect(text.contains("抄送：区委办公室，区政府办公室。"), "\(format)")
            #expect(text.contains("尖山区机关事务管理局"), "\(format)")
            #expect(text.contains("2026年7月10日印发"), "\(format)")
        }
    }
}
