extension NoticeRenderer {
    /// A page that prints from Chromium to the Word document's A4 layout (GB/T 9704-2012): `@page`
    /// margins, page numbers "— n —" in the outer bottom margin box (odd right, even left), the
    /// red mark fitted to one line, each attachment from a new page, and the 版记 at the foot of
    /// the last page (a page of its own: docs/NOTICE-FORMAT.md, also on the browser's own header
    /// and footer, which CSS cannot switch off).
    public static func html(_ content: NoticeContent) -> String {
        let outline = NoticeOutline(content)
        let e = escape
        let fit = NoticeLayout.markFit(outline.mark)
        var body = "<header class=\"masthead\"><div class=\"mark\"><span style=\"font-size: \(points(fit.sizePoints))pt;"
            + (fit.scalePercent < 100 ? " transform: scaleX(\(Double(fit.scalePercent) / 100));" : "")
            + "\">\(e(outline.mark))</span></div>\n<div class=\"number\">\(e(outline.number))</div></header>\n"
        body += "<h1 class=\"title\">\(e(outline.title))</h1>\n<p class=\"addressees\">\(e(outline.addressees))</p>\n"
        for block in outline.body {
            switch block {
            case .paragraph(let text):
                body += "<p>\(e(text))</p>\n"
            case .numbered(let level, let number, let title, let text):
                let lead = "<span class=\"l\(level.rawValue)\">\(e(number + title))</span>"
                body += text.isEmpty && level.rawValue <= 2
                    ? "<h\(level.rawValue + 1) class=\"l\(level.rawValue)\">\(e(number + title))</h\(level.rawValue + 1)>\n"
                    : "<p>\(lead)\(e(text))</p>\n"
            }
        }
        body += "<p class=\"attachment-note\">" + attachmentNote(outline, escape: e).joined(separator: "<br>") + "</p>\n"
        body += "<div class=\"signature\"><div>\(e(outline.signature))</div><div class=\"date\">\(e(outline.date))</div></div>\n"
        for attachment in outline.attachments {
            body += "<section class=\"attachment\"><div class=\"label\">\(e(attachment.label))</div>\n"
                + "<h2 class=\"attachment-title\">\(e(attachment.title))</h2>\n"
            if let table = attachment.table { body += self.table(table) }
            body += attachment.notes.map { "<p class=\"note\">\(e($0))</p>\n" }.joined() + "</section>\n"
        }
        let colophonSize = NoticeLayout.colophonSize(office: outline.colophon.printingOffice, date: outline.colophon.printedOn)
        body += "<footer class=\"colophon\" style=\"font-size: \(points(colophonSize))pt\">"
        if let copies = outline.colophon.copiesTo { body += "<p class=\"cc\">抄送：\(e(copies))。</p>" }
        body += "<p class=\"printing\"><span>\(e(outline.colophon.printingOffice))</span><span>\(e(outline.colophon.printedOn))</span></p></footer>\n"
        return """
        <!DOCTYPE html>
        <html lang="zh-CN">
        <head>
        <meta charset="utf-8">
        <title>\(e(outline.title))</title>
        <style>
        \(NoticeHTMLStyle.css)
        </style>
        </head>
        <body>
        \(body)</body>
        </html>

        """
    }

    /// A table whose header row repeats on every printed page (`thead` does in Chromium).
    static func table(_ table: NoticeOutline.Table) -> String {
        let total = max(table.widths.reduce(0, +), 1)
        var html = "<table><colgroup>"
            + table.widths.map { "<col style=\"width: \(Double($0 * 1000 / total) / 10)%\">" }.joined() + "</colgroup>\n<thead><tr>"
            + table.columns.map { "<th>\(escape($0))</th>" }.joined() + "</tr></thead>\n<tbody>\n"
        for row in table.rows {
            html += "<tr>" + row.enumerated().map { column, value in
                var classes: [String] = []
                if table.oneLineColumns.contains(column) { classes.append("one-line") }
                if table.numericColumns.contains(column) { classes.append("num") }
                let attribute = classes.isEmpty ? "" : " class=\"\(classes.joined(separator: " "))\""
                return "<td\(attribute)>\(escape(value))</td>"
            }.joined() + "</tr>\n"
        }
        return html + "</tbody></table>\n"
    }

    private static func points(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(value)
    }

    /// Text for HTML content and attributes: every markup character escaped, control characters dropped.
    static func escape(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for character in MarkdownText.singleLine(text) {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            default: result.append(character)
            }
        }
        return result
    }
}
