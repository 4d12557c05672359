import HTTPCore
import JSON
import Routing
import WasteDomain

/// Evidence (docs/ARCHITECTURE.md, "Evidence"): photos and documents on inspections, findings
/// (`stage`: found or rectified) and institutions (`kind` of document). Uploads stream to disk
/// (raw body or multipart); downloads carry the SHA-256 as ETag and honour Range. Clerks see and
/// add only their own institution's (others 404), viewers none (403), inspectors and admins all.
enum AttachmentRoutes {
    static let kinds = ["plan", "task_list", "commitment", "responsibility_letter", "training", "publicity", "other"]
    static let stages = ["found", "rectified"]

    static func register(in routes: inout APIRoutes) {
        let maxUpload = routes.services.options.maxUploadBytes
        let streamed: BodyModeChooser = { head in
            .streamed(limit: AttachmentIntake.bodyLimit(contentType: head.headers["content-type"], maxUploadBytes: maxUpload))
        }
        let owners: [(AttachmentOwnerType, String, Access, [String], String)] = [
            (.inspection, "/v1/inspections/{id}/attachments", .office, ["filename"], "a draft inspection"),
            (.finding, "/v1/findings/{id}/attachments", .staff, ["stage", "filename"],
             "a finding (stage=found: the problem, inspectors; stage=rectified: the proof, the unit's clerk too)"),
            (.institution, "/v1/institutions/{id}/attachments", .staff, ["kind", "filename"],
             "an institution (kind: plan, task_list, commitment, responsibility_letter, training, publicity, other)"),
        ]
        for (type, path, uploaders, query, what) in owners {
            routes.add(.POST, path, access: uploaders, summary: "Upload evidence to \(what): raw body or multipart/form-data",
                       tag: "attachments", query: query, body: "AttachmentUpload", bodyMediaType: "multipart/form-data",
                       success: 201, response: "AttachmentList", bodyMode: streamed) { context in
                try AttachmentUploadRoute.upload(context, type)
            }
            routes.add(.GET, path, access: .staff, summary: "Evidence attached to \(what)", tag: "attachments",
                       response: "AttachmentList") { context in
                let id = try context.parameters.id()
                let records = try context.services.database.read { db in
                    try AttachmentRecord.list(db, owner: try AttachmentOwner.load(db, type, id: id, for: context))
                }
                return .json(.object(JSONObject([("items", .array(records.map(\.json)))])))
            }
        }
        routes.add(.GET, "/v1/attachments/{id}", access: .staff,
                   summary: "An attachment's bytes (ETag: SHA-256; Range requests; Content-Disposition with the original name)",
                   tag: "attachments") { context in
            try AttachmentDownload.respond(context)
        }
        routes.add(.GET, "/v1/attachments/{id}/meta", access: .staff, summary: "An attachment's metadata",
                   tag: "attachments", response: "Attachment") { context in
            let (record, _) = try visible(context)
            return .json(record.json, headers: ["etag": record.etag])
        }
        routes.add(.DELETE, "/v1/attachments/{id}", access: .staff,
                   summary: "Delete an attachment (its uploader, while the record takes changes)", tag: "attachments",
                   success: 204) { context in
            try AttachmentUploadRoute.delete(context)
        }
    }

    /// The attachment and its owner, or 404 when either is invisible to the caller.
    static func visible(_ context: APIContext) throws -> (AttachmentRecord, AttachmentOwner) {
        let id = try context.parameters.id()
        return try context.services.database.read { db in
            guard let record = try AttachmentRecord.find(db, id: id), let type = record.ownerKind else { throw HTTPError.notFound() }
            return (record, try AttachmentOwner.load(db, type, id: record.ownerID, for: context))
        }
    }
}
