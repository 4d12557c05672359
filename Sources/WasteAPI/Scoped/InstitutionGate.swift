import Routing
import Storage

/// The facts about an institution that the routes under it need, read in the request's
/// transaction.
struct InstitutionFacts: Sendable {
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
}

/// The one check every route under an institution makes: the institution exists, the caller
/// may see it (a clerk only its own: another is a 404, so nothing leaks), and — for a write —
/// it is not archived (a 409 whose text the route gives: what can no longer change).
enum InstitutionGate {
    enum Purpose {
        case reading
        /// Refused for an archived institution, with this explanation.
        case writing(whenArchived: @Sendable (InstitutionFacts) -> String)
    }

    @discardableResult
    static func require(_ context: APIContext, _ db: Connection, id: Int64, for purpose: Purpose = .reading) throws -> InstitutionFacts {
        try context.requireInstitutionAccess(id)
        guard let row = try db.queryOne("SELECT \(InstitutionFacts.columns) FROM institutions WHERE id = ?", [id]) else {
            throw HTTPError.notFound("no institution \(id)")
        }
        let facts = try InstitutionFacts(row: row)
        if case .writing(let explanation) = purpose, !facts.active {
            throw HTTPError.conflict(explanation(facts))
        }
        return facts
    }

    /// Every institution, or the one named, by code (for district-wide figures).
    static func all(_ db: Connection, only id: Int64? = nil) throws -> [InstitutionFacts] {
        if let id {
            return try db.query("SELECT \(InstitutionFacts.columns) FROM institutions WHERE id = ?", [id]).map(InstitutionFacts.init)
        }
        return try db.query("SELECT \(InstitutionFacts.columns) FROM institutions ORDER BY code").map(InstitutionFacts.init)
    }
}
