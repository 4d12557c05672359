import BlobStore
import HTTPCore
import JSON
import PhotoMetadata
import Routing
import Storage
import WasteDomain

/// Uploading and deleting attachments. The owner is checked before the body is read (a
/// refused upload is not transferred), the files are made durable while the body streams in,
/// and the rows, their audit events and the files' final names commit in one write.
enum AttachmentUploadRoute {
    static func upload(_ context: APIContext, _ type: AttachmentOwnerType) throws -> HTTPResponse {
        let id = try context.parameters.id()
        let caller = try context.caller()
        let query = try context.query()
        var stage: String?
        var kind: String?
        switch type {
        case .inspection:
            try query.allowOnly(["filename"])
        case .finding:
            try query.allowOnly(["stage", "filename"])
            stage = try query.oneOf("stage", AttachmentRoutes.stages)
            guard stage != nil else { throw HTTPError.invalidQuery("stage", "is required: found or rectified", code: "required") }
            if caller.role == .clerk && stage == "found" {
                throw HTTPError.forbidden("clerks add rectification evidence (stage=rectified), not the inspector's")
            }
        case .institution:
            try query.allowOnly(["kind", "filename"])
            kind = try query.oneOf("kind", AttachmentRoutes.kinds)
            guard kind != nil else {
                throw HTTPError.invalidQuery("kind", "is required: \(AttachmentRoutes.kinds.joined(separator: ", "))", code: "required")
            }
        }
        let services = context.services
        try services.database.read { db in try AttachmentOwner.load(db, type, id: id, for: context).requireOpen() }
        let utcOffset = try services.settings.current().utcOffsetMinutes
        let files = try AttachmentIntake.read(context.request, filename: query["filename"], blobs: services.blobs,
                                              maxBytes: services.options.maxUploadBytes)
        let staged = try files.map { file in
            (file: file, facts: try file.photoFacts(), hash: try file.writer.seal())
        }
        let now = context.now.description
        let records = try services.database.write { db -> [AttachmentRecord] in
            let owner = try AttachmentOwner.load(db, type, id: id, for: context)
            try owner.requireOpen()
            let place = stage == "rectified" ? try AttachmentOwner.institutionPlace(db, owner.institutionID) : nil
            return try staged.map { item in
                try item.file.writer.publish()
                let takenAt = item.facts.capturedAt.map { PhotoTime.text($0, defaultOffsetMinutes: utcOffset) }
                let photoPlace = item.facts.latitude.flatMap { lat in item.facts.longitude.map { GeoPoint(latitude: lat, longitude: $0) } }
                var warnings: [EvidenceWarning] = []
                if stage == "rectified", item.file.kind?.isPhoto == true, let raisedAt = owner.raisedAt {
                    warnings = EvidenceWarning.forRectificationPhoto(takenAt: takenAt.flatMap { Timestamp(parsing: $0) },
                                                                     raisedAt: raisedAt, photo: photoPlace, institution: place)
                }
                let warningsJSON = JSONValue.array(warnings.map { warning in
                    .object(JSONObject([("code", .string(warning.code)), ("message", .string(warning.message))]))
                }).serializedString()
                try db.execute("""
                    INSERT INTO attachments (owner_type, owner_id, institution_id, stage, kind, sha256, size, media_type, filename,
                        taken_at, latitude, longitude, warnings, uploaded_by, uploaded_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """, [type.rawValue, id, owner.institutionID, stage, kind, item.hash, item.file.writer.byteCount,
                          item.file.kind?.mediaType ?? "application/octet-stream", item.file.filename, takenAt,
                          photoPlace?.latitude, photoPlace?.longitude, warningsJSON, caller.userID, now])
                guard let record = try AttachmentRecord.find(db, id: db.lastInsertRowID) else { throw HTTPError.notFound() }
                try AuditTrail.record(db, context: context, entity: "attachment", id: record.id, action: "upload",
                                      before: nil, after: record.json)
                return record
            }
        }
        let location = records.count == 1 ? "/v1/attachments/\(records[0].id)" : "/v1/\(type.rawValue)s/\(id)/attachments"
        return .json(.object(JSONObject([("items", .array(records.map(\.json)))])), status: 201, headers: ["location": location])
    }

    /// Deletes the row, and the file when no other row names the same content. The file goes
    /// on the writer, inside the write, so an upload of the same bytes cannot slip in between.
    static func delete(_ context: APIContext) throws -> HTTPResponse {
        let id = try context.parameters.id()
        let caller = try context.caller()
        let blobs = context.services.blobs
        try context.services.database.write { db in
            guard let record = try AttachmentRecord.find(db, id: id), let type = record.ownerKind else { throw HTTPError.notFound() }
            let owner = try AttachmentOwner.load(db, type, id: record.ownerID, for: context)
            guard record.uploadedBy == caller.userID else {
                throw HTTPError.forbidden("only the user who uploaded an attachment may delete it")
            }
            try owner.requireOpen()
            try db.execute("DELETE FROM attachments WHERE id = ?", [id])
            try AuditTrail.record(db, context: context, entity: "attachment", id: id, action: "delete", before: record.json, after: nil)
            if try db.scalar("SELECT count(*) FROM attachments WHERE sha256 = ?", [record.sha256], as: Int64.self) == 0 {
                blobs.remove(record.sha256)
            }
        }
        return HTTPResponse(status: 204)
    }
}

/// EXIF capture times as the API shows them: ISO 8601 with the camera's offset, or the district's
/// when the camera recorded none (phones set their clock to local time).
enum PhotoTime {
    static func text(_ time: CaptureTime, defaultOffsetMinutes: Int) -> String {
        let offset = time.offsetMinutes ?? defaultOffsetMinutes
        func pad(_ value: Int, _ width: Int = 2) -> String {
            let text = String(value)
            return String(repeating: "0", count: max(0, width - text.count)) + text
        }
        let sign = offset < 0 ? "-" : "+"
        return "\(pad(time.year, 4))-\(pad(time.month))-\(pad(time.day))T\(pad(time.hour)):\(pad(time.minute)):\(pad(time.second))"
            + "\(sign)\(pad(abs(offset) / 60)):\(pad(abs(offset) % 60))"
    }
}
