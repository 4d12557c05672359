import JSON
import Storage
import WasteDomain

/// Renders a notice preview outside HTTP (the command line), with the same content and formats.
public enum NoticeRendering {
    /// The formats the command line offers.
    public static let formats = ["markdown", "html", "text", "json", "docx"]

    /// The rendered file: UTF-8 text, or the .docx package for `docx`.
    public static func render(_ pool: DatabasePool, kind: NoticeContent.Kind, period: Period, format: String,
                              now: Timestamp) throws -> [UInt8] {
        let content = try pool.read { db in
            let offset = try SettingsStore.load(db).settings.utcOffsetMinutes
            return try NoticeAssembler.content(db, kind: kind, period: period, today: now.date(utcOffsetMinutes: offset))
        }
        switch format {
        case "html": return Array(NoticeRenderer.html(content).utf8)
        case "text": return Array(NoticeRenderer.plainText(content).utf8)
        case "json": return Array((NoticeContentJSON.encode(content).serializedString(pretty: true) + "\n").utf8)
        case "docx": return try NoticeDocx.archive(content)
        default: return Array(NoticeRenderer.markdown(content).utf8)
        }
    }
}
