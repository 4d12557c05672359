import JSON
import Routing
import Storage
import WasteDomain

/// Publicity and training activities (宣传培训, SPEC §5): trainings, pledges, commitment
/// signings and materials. They feed the publicity component of the period score.
struct ActivityRecord: ScopedResource {
    let kind: ActivityKind
    let title: String
    let heldOn: CalendarDate
    let participants: Int
    let materialsCount: Int
    let note: String?

    static let kind = ScopedKind(table: "activities", entity: "activity", schema: "Activity",
                                 noun: "publicity or training activity", plural: "publicity and training activities",
                                 tag: "activities")
    static let bodyKeys = ["kind", "title", "held_on", "participants", "materials_count", "note"]
    static let columns = ["kind", "title", "held_on", "participants", "materials_count", "note"]
    static let dateColumn: String? = "held_on"
    static let listQuery = ["kind"]

    init(kind: ActivityKind, title: String, heldOn: CalendarDate, participants: Int, materialsCount: Int, note: String?) {
        self.kind = kind
        self.title = title
        self.heldOn = heldOn
        self.participants = participants
        self.materialsCount = materialsCount
        self.note = note
    }

    init(row: Row) throws {
        guard let kind = ActivityKind(rawValue: try row.string("kind")) else { throw ScopedValues.StoredValueError(column: "kind") }
        self.init(kind: kind, title: try row.string("title"), heldOn: try ScopedValues.date(row, "held_on"),
                  participants: try row.int("participants"), materialsCount: try row.int("materials_count"),
                  note: try row.optionalString("note"))
    }

    /// Counts left out (or null) are 0: a pledge has no materials, a poster run no participants.
    static func read(_ reader: inout JSONFieldReader) -> ActivityRecord? {
        let kind = reader.enumValue("kind", as: ActivityKind.self, required: true)
        let title = reader.string("title", required: true, minLength: 1, maxLength: 200)
        let heldOn = reader.date("held_on", required: true)
        let participants = reader.int("participants", min: 0, max: 1_000_000)
        let materials = reader.int("materials_count", min: 0, max: 10_000_000)
        let note = reader.string("note", maxLength: 2000)
        guard reader.isValid, let kind, let title, let heldOn else { return nil }
        return ActivityRecord(kind: kind, title: title, heldOn: heldOn, participants: participants ?? 0,
                              materialsCount: materials ?? 0, note: note)
    }

    var input: [(String, JSONValue)] {
        [("kind", .string(kind.rawValue)), ("title", .string(title)), ("held_on", ScopedValues.date(heldOn)),
         ("participants", ScopedValues.int(participants)), ("materials_count", ScopedValues.int(materialsCount)),
         ("note", ScopedValues.string(note))]
    }

    var sqlValues: [any SQLValueConvertible] {
        [kind.rawValue, title, heldOn.description, participants, materialsCount, note]
    }

    static func filters(_ query: QueryParameters, _ environment: ScopedEnvironment) throws(HTTPError) -> [ScopedCondition] {
        guard let kind = try query.oneOf("kind", ActivityKind.allCases.map(\.rawValue)) else { return [] }
        return [ScopedCondition(sql: "kind = ?", arguments: [kind])]
    }
}

/// `…/activities`: see ``ActivityRecord``.
enum ActivityRoutes {
    static func register(in routes: inout APIRoutes) {
        ScopedResourceRoutes<ActivityRecord>.register(in: &routes)
    }
}
