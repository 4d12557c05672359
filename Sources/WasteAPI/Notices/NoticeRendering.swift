import JSON
import Storage
import WasteDomain

/// Renders a notice preview outside HTTP (the command line), with the same content and formats.
public enum NoticeRendering {
    public static func render(_ pool: DatabasePool, kind: NoticeContent.Kind, period: Period, format: String,
                              now: Timestamp) throws -> String {
        let content = try pool.read { db in
            let offset = try SettingsStore.load(db).settings.utcOffsetMinutes
            return try NoticeAssembler.content(db, kind: kind, period: period, today: now.date(utcOffsetMinutes: offset))
        }
        switch format {
        case "html": return NoticeRenderer.html(content)
        case "text": return NoticeRenderer.plainText(content)
        case "json": return NoticeContentJSON.encode(content).serializedString(pretty: true) + "\n"
        default: return NoticeRenderer.markdown(content)
        }
    }
}
