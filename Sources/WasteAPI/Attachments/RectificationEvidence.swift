import Routing
import Storage

/// The rule `rectification_requires_photo`: a finding is reported rectified only with proof,
/// a `stage=rectified` attachment (SPEC's evidence section; see docs/DECISIONS.md).
enum RectificationEvidence {
    static func require(_ db: Connection, findingID: Int64) throws {
        guard try SettingsStore.load(db).settings.rectificationRequiresPhoto else { return }
        let count = try db.scalar("""
            SELECT count(*) FROM attachments WHERE owner_type = 'finding' AND owner_id = ? AND stage = 'rectified'
            """, [findingID], as: Int64.self) ?? 0
        guard count > 0 else {
            throw HTTPError.conflict("finding \(findingID) has no rectification evidence: upload a photo with "
                                     + "POST /v1/findings/\(findingID)/attachments?stage=rectified first", field: "attachments")
        }
    }
}
