import Storage

/// Findings with photo evidence on file (either stage), which notices mark.
enum PhotographedFindings {
    static func ids(_ db: Connection) throws -> Set<Int64> {
        Set(try db.query("""
            SELECT DISTINCT owner_id FROM attachments WHERE owner_type = 'finding' AND media_type LIKE 'image/%'
            """).map { try $0.int64("owner_id") })
    }
}
