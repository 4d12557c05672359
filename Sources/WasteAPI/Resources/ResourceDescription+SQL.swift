import Storage

/// The SQL of a described resource. Bookkeeping columns (`id`, `institution_id`, timestamps,
/// `version`) are the caller's; the described fields come from the description, by name.
extension ResourceDescription {
    /// `a, b, c` for a `SELECT`: `leading`, then the fields, then `trailing`.
    func selectList(leading: [String] = ["id"], trailing: [String] = ["created_at", "updated_at", "version"]) -> String {
        (leading + columns + trailing).joined(separator: ", ")
    }

    /// `INSERT INTO <table> (leading…, fields…, trailing…) VALUES (?, …)`.
    func insertSQL(leading: [String] = [], trailing: [String]) -> String {
        let all = leading + columns + trailing
        let placeholders = Array(repeating: "?", count: all.count).joined(separator: ", ")
        return "INSERT INTO \(table) (\(all.joined(separator: ", "))) VALUES (\(placeholders))"
    }

    /// `UPDATE <table> SET <field> = ?, …, updated_at = ?, version = version + 1 WHERE id = ?`:
    /// bind ``sqlValues(_:)``, the time, then the id.
    var updateSQL: String {
        "UPDATE \(table) SET " + columns.map { "\($0) = ?" }.joined(separator: ", ")
            + ", updated_at = ?, version = version + 1 WHERE id = ?"
    }
}
