import Routing
import Storage

/// Institution checks shared by the facility routes: a clerk sees only its own institution
/// (another is a 404, as is one that does not exist), and archived ones take no new records.
enum InstitutionGate {
    /// 404 unless the caller may see the institution and it exists; returns whether it is active.
    @discardableResult
    static func requireVisible(_ context: APIContext, _ db: Connection, id: Int64) throws -> Bool {
        try context.requireInstitutionAccess(id)
        guard let status = try db.scalar("SELECT status FROM institutions WHERE id = ?", [id], as: String.self) else {
            throw HTTPError.notFound("no institution \(id)")
        }
        return status == "active"
    }

    /// As ``requireVisible(_:_:id:)``, and 409 when the institution is archived.
    static func requireWritable(_ context: APIContext, _ db: Connection, id: Int64) throws {
        guard try requireVisible(context, db, id: id) else {
            throw HTTPError.conflict("institution \(id) is archived; its facilities can no longer change")
        }
    }
}
