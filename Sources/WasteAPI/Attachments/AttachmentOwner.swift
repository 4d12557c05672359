import Routing
import Storage
import WasteDomain

/// What an attachment belongs to: an inspection, a finding, or an institution.
enum AttachmentOwnerType: String, Sendable {
    case inspection, finding, institution
}

/// The record an attachment hangs on, loaded with what the rules need: whose it is, whether it
/// still takes changes, and (for findings) when it was raised.
struct AttachmentOwner: Sendable {
    let type: AttachmentOwnerType
    let id: Int64
    let institutionID: Int64
    /// Why nothing may be added or deleted any more; nil while the record is open.
    let frozenReason: String?
    /// When the finding was recorded (rectification photos taken earlier are flagged).
    let raisedAt: Timestamp?

    /// The owner, or 404 when it does not exist or the caller may not see it: a clerk sees only
    /// its own institution's records, and neither draft inspections nor their pending findings.
    static func load(_ db: Connection, _ type: AttachmentOwnerType, id: Int64, for context: APIContext) throws -> AttachmentOwner {
        let owner: AttachmentOwner
        switch type {
        case .inspection:
            guard let row = try db.queryOne("SELECT institution_id, status FROM inspections WHERE id = ?", [id]) else {
                throw HTTPError.notFound()
            }
            let status = try row.string("status")
            if context.clerkInstitutionID != nil && status == "draft" { throw HTTPError.notFound() }
            owner = AttachmentOwner(type: type, id: id, institutionID: try row.int64("institution_id"),
                                    frozenReason: status == "draft" ? nil : "inspection \(id) is \(status)", raisedAt: nil)
        case .finding:
            guard let row = try db.queryOne("SELECT institution_id, status, created_at FROM findings WHERE id = ?", [id]) else {
                throw HTTPError.notFound()
            }
            let status = try row.string("status")
            if context.clerkInstitutionID != nil && status == "pending" { throw HTTPError.notFound() }
            let frozen = status == "verified" || status == "withdrawn"
            owner = AttachmentOwner(type: type, id: id, institutionID: try row.int64("institution_id"),
                                    frozenReason: frozen ? "finding \(id) is \(status)" : nil,
                                    raisedAt: Timestamp(parsing: try row.string("created_at")))
        case .institution:
            guard try db.queryOne("SELECT id FROM institutions WHERE id = ?", [id]) != nil else { throw HTTPError.notFound() }
            owner = AttachmentOwner(type: type, id: id, institutionID: id, frozenReason: nil, raisedAt: nil)
        }
        try context.requireInstitutionAccess(owner.institutionID)
        return owner
    }

    /// 409 when the record no longer takes attachments.
    func requireOpen() throws(HTTPError) {
        if let frozenReason {
            throw HTTPError.conflict("\(frozenReason): its attachments can no longer change", field: "status")
        }
    }

    /// The institution's position, when it has one.
    static func institutionPlace(_ db: Connection, _ institutionID: Int64) throws -> GeoPoint? {
        guard let row = try db.queryOne("SELECT latitude, longitude FROM institutions WHERE id = ?", [institutionID]),
              let latitude = try row.optionalDouble("latitude"), let longitude = try row.optionalDouble("longitude") else { return nil }
        return GeoPoint(latitude: latitude, longitude: longitude)
    }
}
