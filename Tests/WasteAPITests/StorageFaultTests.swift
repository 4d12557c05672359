import Foundation
import JSON
import Storage
import Testing

/// A full disk and a moved database as clients, probes and Prometheus see them over real HTTP:
/// writes answered 507 or 503 in both languages, reads answered throughout, `/readyz` naming
/// the condition, and everything back to normal once it clears.
@Suite struct StorageFaultTests {
    private func institution(_ n: Int) -> JSONValue {
        TestApp.institutionBody(code: "FULL-\(n)", name: "机关单位 \(n) " + String(repeating: "名", count: 80),
                                [("address", .string(String(repeating: "地", count: 200)))])
    }

    @Test func aFullDiskIsAnswered507AndWritesResumeOnceSpaceIsBack() throws {
        let app = try TestApp()
        let before = try app.createInstitution(code: "BEFORE", name: "满盘之前")
        // SQLite's own size cap on the writer: the file may not grow by a single page from now on.
        try app.pool.writeWithoutTransaction { try $0.execute("PRAGMA max_page_count = 1") }
        var refused: HTTPTestClient.Response?
        for n in 0..<500 {
            let response = try app.client.post("/v1/institutions", json: institution(n), token: app.adminToken)
            if response.status != 201 {
                refused = response
                break
            }
        }
        let full = try #require(refused)
        #expect(full.status == 507)
        #expect(full.header("content-type")?.hasPrefix("application/problem+json") == true)
        #expect(full.header("retry-after") != nil)
        #expect(full.json["type"]?.stringValue == "/problems/insufficient-storage")
        #expect(full.json["detail"]?.stringValue?.contains("disk is full") == true)
        #expect(full.json["detail_zh"]?.stringValue?.contains("磁盘已满") == true)

        // Reads go on; Prometheus counts the fault. (`/readyz` is not asked here: its probe
        // rewrites a page the file already has, which SQLite's size cap allows; a real full
        // disk is scripts/disk-full, a failing one the fault VFS in StorageTests.)
        #expect(try app.client.get("/v1/institutions/\(before)", token: app.adminToken).status == 200)
        let metrics = try app.client.get("/metrics").text
        #expect(metrics.contains(#"wastesort_storage_fault_active{kind="disk_full"} 1"#))
        #expect(metrics.contains(#"route="/v1/institutions",status="507"} 1"#))
        #expect(!metrics.contains(#"wastesort_storage_faults_total{kind="disk_full"} 0"#))

        // Space is back: /readyz's probe write clears the condition without any client write.
        try app.pool.writeWithoutTransaction { try $0.execute("PRAGMA max_page_count = 1073741823") }
        let deadline = Date().addingTimeInterval(10)
        var readyAgain = try app.client.get("/readyz")
        while readyAgain.status != 200 && Date() < deadline {
            usleep(100_000)
            readyAgain = try app.client.get("/readyz")
        }
        #expect(readyAgain.status == 200)
        #expect(try app.client.post("/v1/institutions", json: institution(999), token: app.adminToken).status == 201)
    }

    @Test func aMovedDatabaseRefusesWritesWith503UntilItIsBack() throws {
        let app = try TestApp()
        let path = app.directory.appendingPathComponent("test.db").path
        let aside = app.directory.appendingPathComponent("aside.db").path
        let kept = try app.createInstitution(code: "KEPT", name: "保留")
        try FileManager.default.moveItem(atPath: path, toPath: aside)

        let refused = try app.client.post("/v1/institutions", json: institution(1), token: app.adminToken)
        #expect(refused.status == 503)
        #expect(refused.json["type"]?.stringValue == "/problems/storage-unavailable")
        #expect(refused.json["detail_zh"]?.stringValue?.isEmpty == false)
        #expect(try app.client.get("/v1/institutions/\(kept)", token: app.adminToken).status == 200)
        let ready = try app.client.get("/readyz")
        #expect(ready.status == 503)
        #expect(ready.json["storage"]?.stringValue == "database_moved")

        try FileManager.default.moveItem(atPath: aside, toPath: path)
        #expect(try app.client.post("/v1/institutions", json: institution(2), token: app.adminToken).status == 201)
        #expect(try app.client.get("/readyz").status == 200)
    }
}
