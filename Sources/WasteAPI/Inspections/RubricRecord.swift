import JSON
import Storage
import WasteDomain

/// A stored rubric: the domain rubric plus its id, name, active flag and times.
struct RubricRecord: Sendable {
    let id: Int64
    let name: String
    let active: Bool
    let activatedAt: String?
    let createdAt: String
    let updatedAt: String
    let rubric: Rubric

    var version: Int { rubric.version }

    /// Rubrics are immutable apart from which one is active, so the tag is the version plus that flag.
    var etag: String { "\"r\(rubric.version)-\(active ? "active" : "inactive")\"" }

    static func find(_ db: Connection, id: Int64) throws -> RubricRecord? {
        guard let row = try db.queryOne("SELECT * FROM rubrics WHERE id = ?", [id]) else { return nil }
        return try load(db, row: row)
    }

    /// The rubric new inspections are scored on (the migration ships one, so there always is one
    /// unless an operator removed it by hand).
    static func active(_ db: Connection) throws -> RubricRecord? {
        guard let row = try db.queryOne("SELECT * FROM rubrics WHERE active = 1") else { return nil }
        return try load(db, row: row)
    }

    /// One page of rubrics, all of them or only those whose active flag is `active`.
    static func list(_ db: Connection, page: Page, active: Bool?) throws -> [RubricRecord] {
        let rows = try db.query("""
            SELECT * FROM rubrics WHERE id > ? AND (? IS NULL OR active = ?) ORDER BY id LIMIT ?
            """, [page.afterID, active, active, page.limit + 1])
        return try rows.map { try load(db, row: $0) }
    }

    private static func load(_ db: Connection, row: Row) throws -> RubricRecord {
        let id = try row.int64("id")
        let sections = try db.query("SELECT * FROM rubric_sections WHERE rubric_id = ? ORDER BY position", [id]).map {
            RubricSection(code: try $0.string("code"), titleZh: try $0.string("title_zh"), titleEn: try $0.string("title_en"))
        }
        let items = try db.query("SELECT * FROM rubric_items WHERE rubric_id = ? ORDER BY position", [id]).map {
            RubricItem(code: try $0.string("code"), section: try $0.string("section"), titleZh: try $0.string("title_zh"),
                       titleEn: try $0.string("title_en"), maxPoints: Points(tenths: try $0.int64("max_tenths")),
                       source: try $0.optionalString("source").map { try StoredValues.enumeration($0, column: "source") })
        }
        return RubricRecord(id: id, name: try row.string("name"), active: try row.bool("active"),
                            activatedAt: try row.optionalString("activated_at"), createdAt: try row.string("created_at"),
                            updatedAt: try row.string("updated_at"),
                            rubric: Rubric(version: try row.int("version"), sections: sections, items: items))
    }

    var json: JSONValue {
        .object(JSONObject([
            ("id", .number(JSONNumber(id))),
            ("version", .number(JSONNumber(rubric.version))),
            ("name", .string(name)),
            ("active", .bool(active)),
            ("activated_at", activatedAt.map(JSONValue.string) ?? .null),
            ("total_points", .number(rubric.total.json)),
            ("sections", .array(rubric.sections.map { section in
                .object(JSONObject([
                    ("code", .string(section.code)),
                    ("title_zh", .string(section.titleZh)),
                    ("title_en", .string(section.titleEn)),
                    ("max_points", .number(rubric.maxPoints(of: section.code).json)),
                ]))
            })),
            ("items", .array(rubric.items.map { item in
                .object(JSONObject([
                    ("code", .string(item.code)),
                    ("section", .string(item.section)),
                    ("title_zh", .string(item.titleZh)),
                    ("title_en", .string(item.titleEn)),
                    ("max_points", .number(item.maxPoints.json)),
                    ("source", item.source.map { .string($0.rawValue) } ?? .null),
                ]))
            })),
            ("created_at", .string(createdAt)),
            ("updated_at", .string(updatedAt)),
        ]))
    }
}
