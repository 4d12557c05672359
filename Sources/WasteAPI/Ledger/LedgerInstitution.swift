import Routing
import Storage
import WasteDomain

/// The few institution facts the ledger needs, read here so the ledger does not depend on
/// the institution resource's own types.
struct LedgerInstitution: Sendable {
    let id: Int64
    let code: String
    let name: String
    let active: Bool
    let headcount: Int

    static let columns = "id, code, name, status, headcount"

    init(row: Row) throws {
        id = try row.int64("id")
        code = try row.string("code")
        name = try row.string("name")
        active = try row.string("status") == "active"
        headcount = try row.int("headcount")
    }

    /// The institution the caller may see, or a 404 (unknown, or a clerk's other institution).
    static func require(_ db: Connection, _ id: Int64, context: APIContext) throws -> LedgerInstitution {
        try context.requireInstitutionAccess(id)
        guard let row = try db.queryOne("SELECT \(columns) FROM institutions WHERE id = ?", [id]) else {
            throw HTTPError.notFound("no institution \(id)")
        }
        return try LedgerInstitution(row: row)
    }

    /// Like ``require(_:_:context:)``, and refusing an archived institution's ledger changes:
    /// its history stays as it was archived.
    static func requireWritable(_ db: Connection, _ id: Int64, context: APIContext) throws -> LedgerInstitution {
        let institution = try require(db, id, context: context)
        guard institution.active else {
            throw HTTPError.conflict("institution \(institution.code) is archived; its ledger can no longer change")
        }
        return institution
    }
}
