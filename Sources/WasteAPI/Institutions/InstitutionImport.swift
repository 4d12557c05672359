import JSON
import Storage
import WasteDomain

/// Imports institutions from CSV or xlsx (the columns of ``InstitutionCSV``, English or Chinese
/// headers), for the HTTP route and
/// `wastesort import institutions`.
///
/// Semantics: a row whose `code` exists updates that institution (columns missing from the
/// header keep their values), any other row creates one; a row equal to the stored one is
/// "unchanged". All rows or none: every problem of every row is reported at once, with the
/// field named `line N.column` (N is the file line where the row starts, the header is
/// line 1), e.g. `line 7.name`; problems of a whole row are named `line N`. The whole file
/// runs in one transaction on the writer.
public enum InstitutionImport {
    /// Who the audit trail names for the import.
    public struct Actor: Sendable {
        public let userID: Int64?
        public let username: String
        public init(userID: Int64?, username: String) {
            self.userID = userID
            self.username = username
        }
    }

    public struct Summary: Sendable, Equatable {
        public let created: Int
        public let updated: Int
        public let unchanged: Int

        var json: JSONValue {
            .object(JSONObject([("created", .number(JSONNumber(created))), ("updated", .number(JSONNumber(updated))),
                                ("unchanged", .number(JSONNumber(unchanged)))]))
        }
    }

    /// The file was refused; nothing was stored.
    public struct Failure: Error, CustomStringConvertible {
        public let detail: String
        public let errors: [FieldError]
        /// Over the import's row limit (a 413 over HTTP).
        public var isTooLarge = false

        /// One line per problem: `line 7.name: must not be empty [too_short]`.
        public var messages: [String] { errors.map(\.description) }
        public var description: String { detail }
    }

    /// Imports `file` (CSV, or xlsx when it is a ZIP package) in one transaction of its own
    /// (``DatabasePool/writeAlone(_:)``), refusing more than `maxRows` data rows.
    public static func run(csv file: [UInt8], database: DatabasePool, actor: Actor, now: Timestamp,
                           maxRows: Int = defaultMaxRows) throws -> Summary {
        try database.writeAlone { db in
            try apply(db, file: file, format: ImportTable.format(of: file), maxRows: maxRows, actor: actor, now: now)
        }
    }

    /// The row limit of an import when the options say nothing else.
    public static let defaultMaxRows = ImportTable.defaultMaxRows

    /// Imports inside the caller's transaction; throws ``Failure`` before writing anything.
    static func apply(_ db: Connection, file: [UInt8], format: ImportTable.Format, maxRows: Int, actor: Actor,
                      now: Timestamp) throws -> Summary {
        let existing = try InstitutionStore.list(db, InstitutionStore.Filter())
        let plan = try InstitutionImportPlan(file: file, format: format, maxRows: maxRows, existing: existing)
        let today = now.date(utcOffsetMinutes: try SettingsStore.load(db).settings.utcOffsetMinutes)
        return try write(db, plan, actor: actor, now: now.description, today: today)
    }

    private static func write(_ db: Connection, _ plan: InstitutionImportPlan, actor: Actor, now: String,
                              today: CalendarDate) throws -> Summary {
        // Names may move between institutions within one file; park the changing ones first
        // so no intermediate state breaks the UNIQUE constraint.
        for row in plan.rows {
            if let base = row.existing, base.fields.name != row.fields.name {
                try db.execute("UPDATE institutions SET name = ? WHERE id = ?", ["\u{1}import \(base.id)", base.id])
            }
        }
        var created = 0, updated = 0, unchanged = 0
        for row in plan.rows {
            if let base = row.existing {
                guard base.fields != row.fields else {
                    unchanged += 1
                    continue
                }
                let after = try InstitutionStore.update(db, base, to: row.fields, now: now)
                try audit(db, actor: actor, at: now, id: base.id, action: "update", before: base.json, after: after.json)
                updated += 1
            } else {
                let record = try InstitutionStore.insert(db, row.fields.registering(today: today), now: now)
                try audit(db, actor: actor, at: now, id: record.id, action: "create", before: nil, after: record.json)
                created += 1
            }
        }
        let summary = Summary(created: created, updated: updated, unchanged: unchanged)
        try audit(db, actor: actor, at: now, id: nil, action: "import", before: nil, after: summary.json)
        return summary
    }

    /// The audit row, written here rather than through `AuditTrail` because the command line
    /// imports without an HTTP request.
    private static func audit(_ db: Connection, actor: Actor, at: String, id: Int64?, action: String,
                              before: JSONValue?, after: JSONValue?) throws {
        try db.execute("""
            INSERT INTO audit_events (at, actor_id, actor_username, entity, entity_id, action, before, after)
            VALUES (?, ?, ?, 'institution', ?, ?, ?, ?)
            """, [at, actor.userID, actor.username, id, action, before?.serializedString(), after?.serializedString()])
    }
}
