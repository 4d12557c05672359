import Foundation
import Hashing
import JSON
import Testing

/// Evidence over real HTTP: uploads in both body forms, downloads with ETag, Range and the
/// original name, types by first bytes, limits, the role rules, the rectify rule and warnings.
@Suite struct AttachmentTests {
    /// A finalized inspection of institution 1 with one open finding; returns (inspection, finding).
    static func openFinding(_ world: InspectionWorld, institution: Int64 = 1) throws -> (Int64, Int64) {
        let inspection = try world.create(world.body(institution: institution, findings: [InspectionWorld.finding()]), finalize: true)
        let inspectionID = try #require(inspection["id"]?.numberValue?.int64)
        let list = try world.app.client.get("/v1/findings?inspection_id=\(inspectionID)", token: world.admin)
        return (inspectionID, try #require(list.json["items"]?.arrayValue?.first?["id"]?.numberValue?.int64))
    }

    static let elf: [UInt8] = [0x7F, 0x45, 0x4C, 0x46, 2, 1, 1, 0] + [UInt8](repeating: 0, count: 120)
    static let pdf: [UInt8] = Array("%PDF-1.7\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n".utf8)

    @Test func rawUploadDownloadsByteForByteWithItsNameAndHash() throws {
        let world = try InspectionWorld()
        let client = world.app.client
        let photo = ExifJPEGBuilder(scanBytes: 300_000).jpeg()
        let created = try client.uploadRaw("/v1/institutions/1/attachments?kind=training&filename=%E5%9F%B9%E8%AE%AD%E7%85%A7%E7%89%87.jpg",
                                           photo, contentType: "application/octet-stream", token: world.clerk)
        #expect(created.status == 201)
        let item = try #require(created.json["items"]?.arrayValue?.first)
        #expect(item["filename"]?.stringValue == "培训照片.jpg")
        #expect(item["media_type"]?.stringValue == "image/jpeg")  // from the bytes, not the declared type
        #expect(item["kind"]?.stringValue == "training")
        #expect(item["size"]?.numberValue?.int64 == Int64(photo.count))
        let hash = SHA256Digest.hex(photo)
        #expect(item["sha256"]?.stringValue == hash)
        let url = try #require(item["url"]?.stringValue)
        #expect(created.header("location") == url)

        let download = try client.get(url, token: world.inspector)
        #expect(download.status == 200)
        #expect(download.body == photo)
        #expect(download.header("etag") == "\"\(hash)\"")
        #expect(download.header("content-type") == "image/jpeg")
        #expect(download.header("content-disposition") == "inline; filename=\"____.jpg\"; filename*=UTF-8''%E5%9F%B9%E8%AE%AD%E7%85%A7%E7%89%87.jpg")
        #expect(try client.get(url, token: world.inspector, headers: [("If-None-Match", "\"\(hash)\"")]).status == 304)
        #expect(try client.get("\(url)/meta", token: world.clerk).json["sha256"]?.stringValue == hash)
    }

    @Test func rangesAreServedAndRefusedAsRFC9110Says() throws {
        let world = try InspectionWorld()
        let client = world.app.client
        let photo = ExifJPEGBuilder(scanBytes: 5000).jpeg()
        let url = try #require(try client.uploadRaw("/v1/institutions/1/attachments?kind=plan", photo, token: world.admin)
            .json["items"]?.arrayValue?.first?["url"]?.stringValue)
        let part = try client.get(url, token: world.admin, headers: [("Range", "bytes=100-199")])
        #expect(part.status == 206)
        #expect(part.body == Array(photo[100...199]))
        #expect(part.header("content-range") == "bytes 100-199/\(photo.count)")
        let tail = try client.get(url, token: world.admin, headers: [("Range", "bytes=-10")])
        #expect(tail.body == Array(photo.suffix(10)))
        let open = try client.get(url, token: world.admin, headers: [("Range", "bytes=\(photo.count - 3)-")])
        #expect(open.body == Array(photo.suffix(3)))
        let beyond = try client.get(url, token: world.admin, headers: [("Range", "bytes=\(photo.count)-")])
        #expect(beyond.status == 416)
        #expect(beyond.header("content-range") == "bytes */\(photo.count)")
        #expect(try client.get(url, token: world.admin, headers: [("Range", "bytes=0-1,5-6")]).status == 200)
        #expect(try client.get(url, token: world.admin, headers: [("Range", "bytes=0-1"), ("If-Range", "\"other\"")]).status == 200)
    }

    @Test func multipartCarriesSeveralFilesAndTypesAreJudgedByTheirBytes() throws {
        let world = try InspectionWorld()
        let client = world.app.client
        let (_, finding) = try Self.openFinding(world)
        let parts = [
            HTTPTestClient.FilePart(filename: "整改后1.jpg", bytes: ExifJPEGBuilder().jpeg()),
            HTTPTestClient.FilePart(filename: "说明.pdf", contentType: "image/jpeg", bytes: Self.pdf),
        ]
        let created = try client.uploadMultipart("/v1/findings/\(finding)/attachments?stage=rectified", parts, token: world.clerk)
        #expect(created.status == 201)
        let items = created.json["items"]?.arrayValue ?? []
        #expect(items.compactMap { $0["media_type"]?.stringValue } == ["image/jpeg", "application/pdf"])
        #expect(items.compactMap { $0["filename"]?.stringValue } == ["整改后1.jpg", "说明.pdf"])
        let download = try client.get(try #require(items.last?["url"]?.stringValue), token: world.clerk)
        #expect(download.body == Self.pdf)

        // an executable named photo.jpg is refused, in either form, and nothing is kept
        let before = try world.app.pool.read { try $0.scalar("SELECT count(*) FROM attachments", as: Int64.self) }
        let elfPart = HTTPTestClient.FilePart(filename: "photo.jpg", bytes: Self.elf)
        #expect(try client.uploadMultipart("/v1/findings/\(finding)/attachments?stage=rectified", [parts[0], elfPart],
                                           token: world.clerk).status == 415)
        #expect(try client.uploadRaw("/v1/findings/\(finding)/attachments?stage=rectified&filename=photo.jpg", Self.elf,
                                     token: world.clerk).status == 415)
        #expect(try world.app.pool.read { try $0.scalar("SELECT count(*) FROM attachments", as: Int64.self) } == before)
        let temporary = world.app.directory.appendingPathComponent("test.db.attachments/tmp").path
        #expect(try FileManager.default.contentsOfDirectory(atPath: temporary).isEmpty)
        #expect(try client.request("POST", "/v1/findings/\(finding)/attachments?stage=rectified", token: world.clerk,
                                   body: Array("--x\r\n".utf8), contentType: "multipart/form-data; boundary=x").status == 400)
    }

    @Test func tooLargeIsRefusedBeforeTheBodyAndWhileItStreams() throws {
        let app = try TestApp { $0.maxUploadBytes = 100_000 }
        let now = "2020-06-15T04:00:00Z"
        try app.sql("INSERT INTO institutions (id, code, name, kind, status, created_at, updated_at) VALUES (1, 'A', '甲', 'party_government_organ', 'active', ?, ?)",
                    [now, now])
        // only the head is sent: the answer comes without the body
        let early = try app.client.request("POST", "/v1/institutions/1/attachments?kind=plan", token: app.adminToken,
                                           headers: [("Content-Length", "100001"), ("Content-Type", "image/jpeg")])
        #expect(early.status == 413)
        #expect(try app.client.uploadRaw("/v1/institutions/1/attachments?kind=plan", ExifJPEGBuilder(scanBytes: 90_000).jpeg(),
                                         token: app.adminToken).status == 201)
        let big = HTTPTestClient.FilePart(filename: "big.jpg", bytes: ExifJPEGBuilder(scanBytes: 100_000).jpeg())
        let streamed = try app.client.uploadMultipart("/v1/institutions/1/attachments?kind=plan", [big], token: app.adminToken)
        #expect(streamed.status == 413)
        // other routes keep the small default limit
        let json = try app.client.request("POST", "/v1/institutions", token: app.adminToken,
                                          headers: [("Content-Length", "\(9 << 20)"), ("Content-Type", "application/json")])
        #expect(json.status == 413)
    }

    @Test func eachRoleSeesAndAddsWhatItMay() throws {
        let world = try InspectionWorld()
        let client = world.app.client
        let (inspection, finding) = try Self.openFinding(world)
        let (_, otherFinding) = try Self.openFinding(world, institution: 2)
        let jpeg = ExifJPEGBuilder().jpeg()
        let found = try client.uploadRaw("/v1/findings/\(finding)/attachments?stage=found", jpeg, token: world.inspector)
        #expect(found.status == 201)
        let foundURL = try #require(found.json["items"]?.arrayValue?.first?["url"]?.stringValue)
        let otherURL = try #require(try client.uploadRaw("/v1/findings/\(otherFinding)/attachments?stage=found", jpeg, token: world.inspector)
            .json["items"]?.arrayValue?.first?["url"]?.stringValue)

        // the clerk: its own institution's only, and only rectification evidence
        #expect(try client.get(foundURL, token: world.clerk).status == 200)
        #expect(try client.get("/v1/findings/\(finding)/attachments", token: world.clerk).json["items"]?.arrayValue?.count == 1)
        #expect(try client.get(otherURL, token: world.clerk).status == 404)
        #expect(try client.get("\(otherURL)/meta", token: world.clerk).status == 404)
        #expect(try client.get("/v1/findings/\(otherFinding)/attachments", token: world.clerk).status == 404)
        #expect(try client.uploadRaw("/v1/findings/\(otherFinding)/attachments?stage=rectified", jpeg, token: world.clerk).status == 404)
        #expect(try client.uploadRaw("/v1/findings/\(finding)/attachments?stage=found", jpeg, token: world.clerk).status == 403)
        #expect(try client.uploadRaw("/v1/institutions/2/attachments?kind=plan", jpeg, token: world.clerk).status == 404)
        #expect(try client.uploadRaw("/v1/inspections/\(inspection)/attachments", jpeg, token: world.clerk).status == 403)
        // the viewer: nothing
        #expect(try client.get(foundURL, token: world.viewer).status == 403)
        #expect(try client.get("/v1/institutions/1/attachments", token: world.viewer).status == 403)
        #expect(try client.uploadRaw("/v1/institutions/1/attachments?kind=plan", jpeg, token: world.viewer).status == 403)
        // inspectors: everything
        #expect(try client.get(otherURL, token: world.inspector).status == 200)
        #expect(try client.get("/v1/findings/\(otherFinding)/attachments", token: world.inspector).status == 200)
        // stage and kind are required and checked
        #expect(try client.uploadRaw("/v1/findings/\(finding)/attachments", jpeg, token: world.inspector).status == 400)
        #expect(try client.uploadRaw("/v1/institutions/1/attachments?kind=selfie", jpeg, token: world.admin).status == 400)
    }

    @Test func onlyTheUploaderDeletesAndFrozenRecordsKeepTheirEvidence() throws {
        let world = try InspectionWorld()
        let client = world.app.client
        let draft = try world.create(world.body())
        let draftID = try #require(draft["id"]?.numberValue?.int64)
        let jpeg = ExifJPEGBuilder().jpeg()
        let created = try client.uploadRaw("/v1/inspections/\(draftID)/attachments", jpeg, token: world.inspector)
        #expect(created.status == 201)
        let url = try #require(created.json["items"]?.arrayValue?.first?["url"]?.stringValue)
        let extra = try #require(try client.uploadRaw("/v1/inspections/\(draftID)/attachments", Self.pdf, token: world.inspector)
            .json["items"]?.arrayValue?.first?["url"]?.stringValue)
        #expect(try client.delete(url, token: world.admin).status == 403)
        #expect(try client.delete(url, token: world.inspector).status == 204)
        #expect(try client.get(url, token: world.inspector).status == 404)
        #expect(!FileManager.default.fileExists(atPath: world.app.directory.appendingPathComponent(
            "test.db.attachments/\(SHA256Digest.hex(jpeg).prefix(2))/\(SHA256Digest.hex(jpeg))").path))

        #expect(try client.post("/v1/inspections/\(draftID)/finalize", json: [:], token: world.inspector).status == 200)
        let refused = try client.uploadRaw("/v1/inspections/\(draftID)/attachments", jpeg, token: world.inspector)
        #expect(refused.status == 409)
        #expect(try client.delete(extra, token: world.inspector).status == 409)

        let audit = try client.get("/v1/audit-events?entity=attachment&limit=50", token: world.admin)
        let actions = audit.json["items"]?.arrayValue?.compactMap { $0["action"]?.stringValue }.sorted() ?? []
        #expect(actions == ["delete", "upload", "upload"])
    }

    @Test func rectifyNeedsRectificationEvidence() throws {
        let world = try InspectionWorld()
        let client = world.app.client
        let (_, finding) = try Self.openFinding(world)
        _ = try client.uploadRaw("/v1/findings/\(finding)/attachments?stage=found", ExifJPEGBuilder().jpeg(), token: world.inspector)
        let refused = try client.post("/v1/findings/\(finding)/rectify", json: ["note": "已整改"], token: world.clerk)
        #expect(refused.status == 409)
        #expect(refused.json["field"]?.stringValue == "attachments")
        #expect(try client.uploadRaw("/v1/findings/\(finding)/attachments?stage=rectified", ExifJPEGBuilder().jpeg(),
                                     token: world.clerk).status == 201)
        #expect(try client.post("/v1/findings/\(finding)/rectify", json: ["note": "已整改"], token: world.clerk).status == 200)
        #expect(try client.post("/v1/findings/\(finding)/verify", json: [:], token: world.inspector).status == 200)
        // a verified finding's evidence is frozen
        #expect(try client.uploadRaw("/v1/findings/\(finding)/attachments?stage=rectified", ExifJPEGBuilder().jpeg(),
                                     token: world.clerk).status == 409)
    }

    @Test func rectificationPhotosTakenEarlyOrFarAwayCarryWarnings() throws {
        let world = try InspectionWorld()
        // The office records where the unit is through the institution API; a clerk may not.
        let placed = try world.app.client.patch("/v1/institutions/1", json: ["latitude": 30.2741, "longitude": 120.1551],
                                                token: world.app.adminToken)
        #expect(placed.status == 200, Comment(rawValue: placed.text))
        #expect(placed.json["latitude"]?.numberValue?.text == "30.2741")
        #expect(try world.app.client.patch("/v1/institutions/1", json: ["latitude": 31], token: world.clerk).status == 403)
        #expect(try world.app.client.patch("/v1/institutions/1", json: ["latitude": 91], token: world.app.adminToken)
            .errorFields == ["latitude"])
        let (_, finding) = try Self.openFinding(world)  // raised at 2020-06-15T04:00:00Z
        let client = world.app.client
        func warnings(_ photo: ExifJPEGBuilder) throws -> [String] {
            let created = try client.uploadRaw("/v1/findings/\(finding)/attachments?stage=rectified", photo.jpeg(), token: world.clerk)
            #expect(created.status == 201)
            return created.json["items"]?.arrayValue?.first?["warnings"]?.arrayValue?.compactMap { $0["code"]?.stringValue } ?? []
        }
        #expect(try warnings(ExifJPEGBuilder(dateTimeOriginal: "2020:06:16 09:00:00", latitude: 30.2745, longitude: 120.1555)) == [])
        #expect(try warnings(ExifJPEGBuilder(dateTimeOriginal: "2020:06:15 11:59:59")) == ["taken_before_finding"])  // +08:00
        #expect(try warnings(ExifJPEGBuilder(dateTimeOriginal: "2020:06:16 09:00:00", latitude: 30.29, longitude: 120.1551))
                == ["far_from_institution"])
        #expect(try warnings(ExifJPEGBuilder(dateTimeOriginal: nil, latitude: nil, longitude: nil)) == ["no_capture_time", "no_location"])
        let listed = try client.get("/v1/findings/\(finding)/attachments", token: world.inspector)
        let first = try #require(listed.json["items"]?.arrayValue?.first)
        #expect(first["taken_at"]?.stringValue == "2020-06-16T09:00:00+08:00")
        #expect(abs((first["latitude"]?.numberValue?.double ?? 0) - 30.2745) < 0.00001)
    }

    @Test func noticesMarkFindingsWithPhotos() throws {
        let world = try InspectionWorld()
        let (_, photographed) = try Self.openFinding(world)
        _ = try Self.openFinding(world, institution: 2)
        #expect(try world.app.client.uploadRaw("/v1/findings/\(photographed)/attachments?stage=found", ExifJPEGBuilder().jpeg(),
                                               token: world.inspector).status == 201)
        let preview = try world.app.client.get("/v1/notices/preview?period=2020-06&kind=monthly&format=markdown", token: world.admin)
        #expect(preview.status == 200)
        let marked = preview.text.split(separator: "\n").filter { $0.contains("（附照片）") }
        #expect(marked.count == 1)
        #expect(marked.first?.contains("尖山区人民政府办公室") == true)
    }
}
