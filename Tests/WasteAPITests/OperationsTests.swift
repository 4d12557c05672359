import Testing

/// `/healthz`, `/readyz` and `/metrics` as an operator's tools read them.
@Suite struct OperationsTests {
    @Test func metricsReportRequestsConnectionsAndDatabaseTimings() throws {
        let app = try TestApp()
        _ = try app.client.get("/v1/me", token: app.adminToken)
        _ = try app.client.get("/nope")
        let metrics = try app.client.get("/metrics")
        #expect(metrics.status == 200)
        #expect(metrics.header("content-type")?.hasPrefix("text/plain; version=0.0.4") == true)
        let text = metrics.text
        #expect(text.contains("wastesort_http_requests_total{method=\"GET\",route=\"/v1/me\",status=\"200\"} 1"))
        #expect(text.contains("wastesort_http_requests_total{method=\"GET\",route=\"unmatched\",status=\"404\"} 1"))
        #expect(text.contains("wastesort_http_request_duration_seconds_count{route=\"/v1/me\"} 1"))
        #expect(text.contains("# TYPE wastesort_open_connections gauge"))
        #expect(text.contains("wastesort_open_connections 1"))
        #expect(text.contains("wastesort_db_operation_seconds_bucket{operation=\"commit\",le=\"+Inf\"}"))
        // every sample line is "name{labels} value" or "name value": a scraper must parse all of them
        for line in text.split(separator: "\n") where !line.hasPrefix("#") {
            #expect(line.split(separator: " ").count == 2, "unparseable sample: \(line)")
        }
    }

    @Test func readyzSaysReadyWhenMigrationsAreApplied() throws {
        let app = try TestApp()
        let ready = try app.client.get("/readyz")
        #expect(ready.status == 200)
        #expect(ready.json["status"]?.stringValue == "ready")
        #expect(try app.client.get("/healthz").text == #"{"status":"ok"}"#)
    }
}
