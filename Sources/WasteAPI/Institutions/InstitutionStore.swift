import Routing
import Storage
import WasteDomain

/// The SQL of the institution registry, shared by the routes and the importer.
enum InstitutionStore {
    /// What a list asks for; nil members do not filter.
    struct Filter {
        /// Substring of name or code, already ASCII-lowercased (SQLite's `lower` folds ASCII only).
        var text: String?
        var kind: InstitutionKind?
        var status: InstitutionStatus?
        /// A clerk sees only its own institution.
        var onlyID: Int64?
    }

    /// Matching institutions by ascending id: those after `afterID`, at most `limit` (nil: all).
    static func list(_ db: Connection, _ filter: Filter, afterID: Int64 = 0, limit: Int? = nil) throws -> [InstitutionRecord] {
        var conditions = ["id > ?"]
        var arguments: [any SQLValueConvertible] = [afterID]
        if let text = filter.text {
            conditions.append("(instr(lower(name), ?) > 0 OR instr(lower(code), ?) > 0)")
            arguments += [text, text]
        }
        if let kind = filter.kind {
            conditions.append("kind = ?")
            arguments.append(kind.rawValue)
        }
        if let status = filter.status {
            conditions.append("status = ?")
            arguments.append(status.rawValue)
        }
        if let id = filter.onlyID {
            conditions.append("id = ?")
            arguments.append(id)
        }
        var sql = "SELECT \(InstitutionRecord.selectColumns) FROM institutions WHERE \(conditions.joined(separator: " AND ")) ORDER BY id"
        if let limit {
            sql += " LIMIT ?"
            arguments.append(limit)
        }
        return try db.query(sql, arguments).map(InstitutionRecord.init)
    }

    /// Inserts a new institution (version 1) and returns it as stored.
    static func insert(_ db: Connection, _ fields: InstitutionFields, now: String) throws -> InstitutionRecord {
        try db.execute(InstitutionFields.description.insertSQL(trailing: ["created_at", "updated_at"]),
                       InstitutionFields.description.sqlValues(fields) + [SQLValue.text(now), .text(now)])
        return InstitutionRecord(id: db.lastInsertRowID, fields: fields, createdAt: now, updatedAt: now, version: 1)
    }

    /// Stores new fields over `record`: version + 1, `updated_at` now.
    static func update(_ db: Connection, _ record: InstitutionRecord, to fields: InstitutionFields, now: String) throws -> InstitutionRecord {
        try db.execute(InstitutionFields.description.updateSQL,
                       InstitutionFields.description.sqlValues(fields) + [SQLValue.text(now), .integer(record.id)])
        var updated = record
        updated.fields = fields
        updated.updatedAt = now
        updated.version += 1
        return updated
    }

    /// 409 naming `code` or `name` when another institution already has it. Checked inside
    /// the write transaction, so no other write can slip in between check and insert.
    static func requireUnique(_ db: Connection, _ fields: InstitutionFields, excluding id: Int64?) throws {
        // Codes ignore letter case (the index of migration 0010): JS-0004 and js-0004 are one code.
        let rows = try db.query("SELECT code, name FROM institutions WHERE (code = ? COLLATE NOCASE OR name = ?) AND id != ?",
                                [fields.code, fields.name, id ?? 0])
        if let other = rows.lazy.compactMap({ try? $0.string("code") }).first(where: { $0.lowercased() == fields.code.lowercased() }) {
            throw HTTPError.conflict("another institution already has the code \(other) (codes ignore letter case)", field: "code")
        }
        if !rows.isEmpty {
            throw HTTPError.conflict("another institution already has the name \(fields.name)", field: "name")
        }
    }

    /// Runs a write, turning a unique violation that slipped past ``requireUnique`` into a 409.
    static func mappingConflicts<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as DatabaseError where error.isUniqueConstraint {
            let field = error.uniqueColumns.first ?? "code"
            throw HTTPError.conflict("another institution already has this \(field)", field: field)
        }
    }
}
