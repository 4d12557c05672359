import Foundation
import JSON
import Storage
import Testing
@testable import WasteAPI

/// Look-alike duplicates through the API and the upgrade (docs/API.md, Conventions; issue 13, F4).
@Suite struct LookAlikeTests {
    @Test func codesAreUniqueRegardlessOfLetterCase() throws {
        let app = try TestApp()
        try app.createInstitution(code: "JS-0004", name: "尖山区委办公室")
        let twin = try app.client.post("/v1/institutions", json: TestApp.institutionBody(code: "js-0004", name: "另一个单位"),
                                       token: app.adminToken)
        #expect(twin.status == 409)
        #expect(twin.json["field"]?.stringValue == "code" || twin.errorFields == ["code"])
        let spaced = try app.client.post("/v1/institutions", json: TestApp.institutionBody(code: " JS-0004 ", name: "第三个单位"),
                                         token: app.adminToken)
        #expect(spaced.status == 409)
        let imported = try app.importCSV("code,name,kind\njs-0004,导入的单位,other\n")
        #expect(imported.status == 400)
        #expect(imported.errorFields == ["line 2.code"])
        #expect(imported.text.contains("JS-0004"))
        #expect(try app.rows("SELECT count(*) AS n FROM institutions").first?["n"] == "1")
    }

    @Test func namesThatLookAlikeAreTheSameNameOrRefused() throws {
        let app = try TestApp()
        try app.createInstitution(code: "C1", name: "Café 尖山")
        let nfd = try app.client.post("/v1/institutions", json: TestApp.institutionBody(code: "C2", name: "Cafe\u{301} 尖山"),
                                      token: app.adminToken)
        #expect(nfd.status == 409)
        let padded = try app.client.post("/v1/institutions", json: TestApp.institutionBody(code: "C3", name: " Café 尖山 "),
                                         token: app.adminToken)
        #expect(padded.status == 409)
        for hidden in ["Café\u{200B} 尖山", "Café 尖山\u{0000}", "\u{202E}Café 尖山", "Café\n\t尖山"] {
            let response = try app.client.post("/v1/institutions", json: TestApp.institutionBody(code: "C4", name: hidden),
                                               token: app.adminToken)
            #expect(response.status == 400, "\(hidden.unicodeScalars.map { $0.value })")
            #expect(response.errorFields == ["name"])
        }
        // An escaped NUL in the JSON text is the same character, and refused the same way.
        let escaped = try app.client.request("POST", "/v1/institutions", token: app.adminToken,
                                             body: Array(#"{"code":"C5","name":"a\u0000b","kind":"other"}"#.utf8),
                                             contentType: "application/json")
        #expect(escaped.status == 400)
        #expect(escaped.errorFields == ["name"])
    }

    @Test func theUpgradeStopsOnCodesThatDifferOnlyInCaseAndNamesThem() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("wastesort-upgrade-\(UUID().uuidString)")
        let older = directory.appendingPathComponent("migrations")
        try FileManager.default.createDirectory(at: older, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        for file in try FileManager.default.contentsOfDirectory(atPath: TestApp.migrations.path)
        where file.hasSuffix(".sql") && file < "0010" {
            try FileManager.default.copyItem(at: TestApp.migrations.appendingPathComponent(file),
                                             to: older.appendingPathComponent(file))
        }
        let pool = try DatabasePool(path: directory.appendingPathComponent("old.db").path)
        defer { pool.close() }
        _ = try pool.migrate(Migrator(source: .directory(older)))
        try pool.write { db in
            for (code, name) in [("JS-0004", "甲"), ("js-0004", "乙"), ("K1", "丙")] {
                try db.execute("INSERT INTO institutions (code, name, kind, created_at, updated_at) VALUES (?, ?, 'other', 'x', 'x')",
                               [code, name])
            }
        }
        #expect {
            try pool.migrate(Migrator(source: .directory(TestApp.migrations)))
        } throws: { error in
            "\(error)".contains("JS-0004 = js-0004") || "\(error)".contains("js-0004 = JS-0004")
        }
        // Nothing was lost, and once one is renamed the upgrade goes through.
        #expect(try pool.read { try $0.scalar("SELECT count(*) FROM institutions", as: Int.self) } == 3)
        try pool.write { db in try db.execute("UPDATE institutions SET code = 'JS-0005' WHERE code = 'js-0004'") }
        _ = try pool.migrate(Migrator(source: .directory(TestApp.migrations)))
    }
}
