import Foundation
import Testing

/// The dashboard page as a browser gets it.
@Suite struct DashboardTests {
    @Test func pageIsSelfContainedAndPollsTheAggregateEndpoints() throws {
        let app = try TestApp()
        let page = try app.client.get("/")
        #expect(page.status == 200)
        #expect(page.header("content-type") == "text/html; charset=utf-8")
        let html = page.text
        // nothing loaded from elsewhere: government intranets are offline
        for external in ["http://", "https://", "//cdn", "<script src", "<link", "@import", "url("] {
            #expect(!html.contains(external), "the page references \(external)")
        }
        #expect(page.header("content-security-policy")?.contains("default-src 'none'") == true)
        // it polls with If-None-Match, and every path it polls exists
        #expect(html.contains("If-None-Match"))
        for path in ["/v1/rankings?period=", "/v1/stats/overview?period=", "/v1/stats/ledger?period="] {
            #expect(html.contains(path))
        }
        #expect(try app.client.get("/v1/rankings?period=2026-H1", token: app.adminToken).status == 200)
        #expect(try app.client.get("/v1/stats/overview?period=2026-H1", token: app.adminToken).status == 200)
        #expect(try app.client.get("/v1/stats/ledger?period=2026&group_by=month", token: app.adminToken).status == 200)
        // the chart is inline SVG drawn by the page itself
        #expect(html.contains("<svg"))
        let etag = try #require(page.header("etag"))
        #expect(try app.client.get("/", headers: [("If-None-Match", etag)]).status == 304)
    }

    /// The page learns `--public-read` from the server, so it can hide its token box; the two
    /// pages differ, so their ETags do too (scripts/page-tests checks the box in Chromium).
    @Test func publicReadServerMarksThePageForAnonymousUse() throws {
        let closed = try TestApp(), open = try TestApp(publicRead: true)
        let closedPage = try closed.client.get("/"), openPage = try open.client.get("/")
        #expect(openPage.text.contains(#"<html lang="zh-CN" data-public-read="1">"#))
        #expect(!closedPage.text.contains("data-public-read=\"1\""))
        #expect(closedPage.header("etag") != openPage.header("etag"))
        #expect(try open.client.get("/v1/rankings?period=2026-H1").status == 200)
        #expect(try closed.client.get("/v1/rankings?period=2026-H1").status == 401)
    }
}
