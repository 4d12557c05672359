import Foundation
import JSON
import Testing

/// Problem texts follow `Accept-Language`, then the district's `language` setting (Chinese by
/// default); the type, status, codes and field names never change; type URIs resolve to a page.
@Suite struct ProblemLanguageTests {
    private func invalidInstitution(_ app: TestApp, language: String?) throws -> HTTPTestClient.Response {
        let client = HTTPTestClient(port: app.client.port)
        client.acceptLanguage = language
        return try client.post("/v1/institutions", json: ["code": "X1", "name": "甲", "kind": "nope", "headcount": -1],
                               token: app.adminToken)
    }

    @Test func chineseOnRequestAndByDefaultEnglishOnRequestSameCodesAndFields() throws {
        let app = try TestApp()
        let english = try invalidInstitution(app, language: "en-US,en;q=0.9")
        let chinese = try invalidInstitution(app, language: "zh-CN,zh;q=0.9,en;q=0.5")
        let unsaid = try invalidInstitution(app, language: nil)
        for response in [english, chinese, unsaid] {
            #expect(response.status == 400)
            #expect(response.json["type"] == "/problems/validation")
            #expect(response.errorFields.sorted() == ["headcount", "kind"])
        }
        #expect(english.json["title"] == "Invalid request body")
        #expect(english.json["detail"]?.stringValue?.hasPrefix("2 field(s) are invalid") == true)
        #expect(chinese.json["title"] == "请求内容无效")
        #expect(chinese.json["detail"]?.stringValue?.hasPrefix("2 个字段无效：") == true)
        #expect(unsaid.json == chinese.json)
        #expect(chinese.header("content-language") == "zh-CN")
        let messages = chinese.json["errors"]?.arrayValue?.compactMap { $0["message"]?.stringValue } ?? []
        #expect(messages.contains("字段 headcount 必须在 0 到 1000000 之间"), "\(messages)")
        #expect(messages.contains { $0.hasPrefix("字段 kind 必须是以下之一") }, "\(messages)")
        let codes = { (r: HTTPTestClient.Response) in r.json["errors"]?.arrayValue?.compactMap { $0["code"]?.stringValue }.sorted() }
        #expect(codes(english) == codes(chinese))
    }

    @Test func theDistrictsLanguageSettingDecidesWhenTheRequestSaysNothing() throws {
        let app = try TestApp()
        let changed = try app.client.request("PUT", "/v1/settings", token: app.adminToken, body: Array(#"{"language":"en"}"#.utf8),
                                             contentType: "application/json")
        #expect(changed.status == 200, "\(changed.text)")
        #expect(try invalidInstitution(app, language: nil).json["title"] == "Invalid request body")
        #expect(try invalidInstitution(app, language: "zh").json["title"] == "请求内容无效")
        let refused = try app.client.request("PUT", "/v1/settings", token: app.adminToken, body: Array(#"{"language":"fr"}"#.utf8),
                                             contentType: "application/json")
        #expect(refused.status == 400)
        #expect(refused.errorFields == ["language"])
    }

    @Test func routerAndAuthErrorsAreTranslatedToo() throws {
        let app = try TestApp()
        let client = HTTPTestClient(port: app.client.port)
        client.acceptLanguage = "zh-CN"
        let missing = try client.get("/v1/nowhere")
        #expect(missing.status == 404)
        #expect(missing.json["title"] == "未找到")
        let anonymous = try client.get("/v1/institutions")
        #expect(anonymous.status == 401)
        #expect(anonymous.json["title"] == "未认证")
        #expect(anonymous.json["type"] == "/problems/unauthorized")
    }

    @Test func everyProblemTypeURIAnswersAPage() throws {
        let app = try TestApp()
        for type in ["validation", "not-found", "unauthorized", "conflict", "protocol", "invalid-query"] {
            let page = try app.client.get("/problems/\(type)")
            #expect(page.status == 200, "\(type)")
            #expect(page.header("content-type")?.hasPrefix("text/html") == true)
            #expect(page.text.contains("<h1>"))
        }
        #expect(try app.client.get("/problems/no-such-type").status == 404)
        // The type URI of a real problem resolves.
        let problem = try app.client.get("/v1/nowhere")
        let type = try #require(problem.json["type"]?.stringValue)
        #expect(try app.client.get(type).status == 200)
    }
}
