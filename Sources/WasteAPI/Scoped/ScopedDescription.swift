import JSON
import Routing
import Storage
import WasteDomain

/// A `WHERE` fragment with its arguments.
struct ScopedCondition {
    let sql: String
    let arguments: [any SQLValueConvertible]
}

/// What computed members and filters may depend on, read in the request's transaction.
struct ScopedEnvironment {
    /// Today in the district's time zone (settings `utc_offset_minutes`), from the app clock.
    let today: CalendarDate
    let settings: DistrictSettings
}

/// A resource that belongs to one institution (collection points, storage rooms, hauler
/// contracts, activities, surveys, tasks, funding): its fields (a ``ResourceDescription``) and
/// what its five routes differ in. ``ScopedRoutes`` serves every one of them the same way.
struct ScopedDescription<Model: Sendable & Equatable>: Sendable {
    /// What happens to a record on `DELETE`.
    enum Deletion: Sendable {
        /// The row goes; the audit log keeps it as the event's `before`.
        case removesRow
        /// Only `deleted_at` is stamped: compliance on a past day still sees what existed then.
        case keepsHistory
    }

    /// What an archived institution's records still allow.
    enum WhenArchived: Sendable {
        /// They stay readable and editable, but no new ones are added.
        case noNewRecords
        /// Nothing changes any more.
        case frozen
    }

    let fields: ResourceDescription<Model>
    /// The URL segment: `/v1/institutions/{id}/<segment>` and `/v1/<segment>/{id}`.
    let segment: String
    /// What one record is and what several are, for route summaries and messages.
    let noun: String
    let plural: String
    let tag: String
    var deletion = Deletion.removesRow
    var whenArchived = WhenArchived.noNewRecords
    /// Inspectors read every institution's records; viewers none.
    var readers = Access.staff
    var writers = Access.roles([.admin, .clerk])
    /// The date column that the list's `from`/`to` filter, if any.
    var dateColumn: String?
    /// List query parameters beyond `limit`, `cursor`, `from` and `to`.
    var listQuery: [String] = []
    /// Read-only members computed for responses (rates, `overdue`), with their schemas.
    var computed: [ComputedMember] = []
    /// Conditions of the resource's own list parameters.
    var filters: (@Sendable (QueryParameters, ScopedEnvironment) throws(HTTPError) -> [ScopedCondition])?
    /// Extra members of a list response, over every row the filters select (not just the page).
    var summary: Summary?
    /// Adjusts a PATCH body before it is applied (e.g. reopening a task clears `done_on`).
    var adjustPatch: (@Sendable (inout JSONObject, Model) -> Void)?

    struct ComputedMember: Sendable {
        let name: String
        let schema: JSONValue
        let value: @Sendable (Model, ScopedEnvironment) -> JSONValue
    }

    struct Summary: Sendable {
        let members: [(String, JSONValue)]
        let compute: @Sendable (Connection, ScopedCondition) throws -> [(String, JSONValue)]
    }

    var table: String { fields.table }
    var entity: String { fields.entity }
    var schema: String { fields.schema }

    /// Why an archived institution refuses a write of this resource.
    func archivedRefusal(adding: Bool) -> InstitutionGate.Purpose? {
        switch (whenArchived, adding) {
        case (.noNewRecords, false): return nil
        case (.noNewRecords, true):
            let plural = plural
            return .writing { "institution \($0.id) is archived and takes no new \(plural)" }
        case (.frozen, _):
            let plural = plural
            return .writing { "institution \($0.id) is archived; its \(plural) can no longer change" }
        }
    }
}
