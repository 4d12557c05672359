import Storage

/// The SQL of every institution-scoped resource; each call runs in the caller's transaction.
struct ScopedStore<Model: Sendable & Equatable> {
    let description: ScopedDescription<Model>

    private var fields: ResourceDescription<Model> { description.fields }
    private var selectList: String { fields.selectList(leading: ["id", "institution_id"]) }
    private var liveOnly: String { description.deletion == .keepsHistory ? " AND deleted_at IS NULL" : "" }

    private func record(_ row: Row) throws -> ScopedRecord<Model> {
        ScopedRecord(id: try row.int64("id"), institutionID: try row.int64("institution_id"), fields: try fields.decode(row),
                     createdAt: try row.string("created_at"), updatedAt: try row.string("updated_at"),
                     version: try row.int64("version"))
    }

    /// The live record with this id.
    func find(_ db: Connection, id: Int64) throws -> ScopedRecord<Model>? {
        try db.queryOne("SELECT \(selectList) FROM \(fields.table) WHERE id = ?\(liveOnly)", [id]).map(record)
    }

    /// Up to `page.limit + 1` live records matching `condition` after the page's cursor, by id.
    func list(_ db: Connection, where condition: ScopedCondition, page: Page) throws -> [ScopedRecord<Model>] {
        try db.query("""
            SELECT \(selectList) FROM \(fields.table) WHERE \(condition.sql)\(liveOnly) AND id > ? ORDER BY id LIMIT ?
            """, condition.arguments + [page.afterID, page.limit + 1]).map(record)
    }

    func insert(_ db: Connection, institutionID: Int64, fields model: Model, now: String) throws -> ScopedRecord<Model> {
        try db.execute(fields.insertSQL(leading: ["institution_id"], trailing: ["created_at", "updated_at", "version"]),
                       [SQLValue.integer(institutionID)] + fields.sqlValues(model) + [.text(now), .text(now), .integer(1)])
        return ScopedRecord(id: db.lastInsertRowID, institutionID: institutionID, fields: model, createdAt: now,
                            updatedAt: now, version: 1)
    }

    func update(_ db: Connection, _ current: ScopedRecord<Model>, to model: Model, now: String) throws -> ScopedRecord<Model> {
        try db.execute(fields.updateSQL, fields.sqlValues(model) + [SQLValue.text(now), .integer(current.id)])
        var updated = current
        updated.fields = model
        updated.updatedAt = now
        updated.version += 1
        return updated
    }

    func delete(_ db: Connection, _ current: ScopedRecord<Model>, now: String) throws {
        switch description.deletion {
        case .removesRow:
            try db.execute("DELETE FROM \(fields.table) WHERE id = ?", [current.id])
        case .keepsHistory:
            try db.execute("UPDATE \(fields.table) SET deleted_at = ?, updated_at = ?, version = version + 1 WHERE id = ?",
                           [now, now, current.id])
        }
    }
}
