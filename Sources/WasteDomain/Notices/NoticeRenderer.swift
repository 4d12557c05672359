/// Renders a notice as Markdown, plain text or a printable A4 HTML page, each from the same
/// `NoticeOutline` (the Word document is written by WasteAPI's `NoticeDocx`).
public enum NoticeRenderer {
    public static func markdown(_ content: NoticeContent) -> String {
        let outline = NoticeOutline(content)
        let md = MarkdownText.escape
        var blocks: [String] = ["**\(md(outline.mark))**", md(outline.number), "# \(md(outline.title))", md(outline.addressees)]
        for block in outline.body {
            switch block {
            case .paragraph(let text):
                blocks.append(md(text))
            case .numbered(let level, let number, let title, let text):
                let lead = MarkdownText.number(number) + md(title)
                switch level {
                case .one where text.isEmpty: blocks.append("## \(lead)")
                case .two where text.isEmpty: blocks.append("### \(lead)")
                case .one, .two: blocks.append("**\(lead)**\(md(text))")
                case .three, .four: blocks.append(lead + md(text))
                }
            }
        }
        blocks.append(attachmentNote(outline, escape: md).joined(separator: "\\\n"))
        blocks.append(md(outline.signature) + "\\\n" + md(outline.date))
        for attachment in outline.attachments {
            blocks.append("---")
            blocks.append("**\(md(attachment.label))**")
            blocks.append("## \(md(attachment.title))")
            if let table = attachment.table {
                var lines = ["| " + table.columns.map(md).joined(separator: " | ") + " |",
                             "|" + table.columns.indices.map { table.numericColumns.contains($0) ? "---:|" : "---|" }.joined()]
                lines += table.rows.map { "| " + $0.map(md).joined(separator: " | ") + " |" }
                blocks.append(lines.joined(separator: "\n"))
            }
            blocks += attachment.notes.map(md)
        }
        blocks.append("---")
        if let copies = outline.colophon.copiesTo { blocks.append("抄送：\(md(copies))。") }
        blocks.append("\(md(outline.colophon.printingOffice))　　\(md(outline.colophon.printedOn))")
        return blocks.joined(separator: "\n\n") + "\n"
    }

    public static func plainText(_ content: NoticeContent) -> String {
        let outline = NoticeOutline(content)
        let clean = MarkdownText.singleLine
        let indent = "　　"
        var lines: [String] = [clean(outline.mark), clean(outline.number), "", clean(outline.title), "", clean(outline.addressees)]
        for block in outline.body {
            switch block {
            case .paragraph(let text): lines.append(indent + clean(text))
            case .numbered(_, let number, let title, let text): lines.append(indent + clean(number + title + text))
            }
        }
        lines.append("")
        lines += attachmentNote(outline, escape: clean).map { indent + $0 }
        lines += ["", clean(outline.signature), outline.date]
        for attachment in outline.attachments {
            lines += ["", "", clean(attachment.label), "", clean(attachment.title), ""]
            if let table = attachment.table {
                lines.append(table.columns.joined(separator: "\t"))
                lines += table.rows.map { $0.map(clean).joined(separator: "\t") }
            }
            lines += attachment.notes.map(clean)
        }
        lines += ["", String(repeating: "─", count: 28)]
        if let copies = outline.colophon.copiesTo { lines.append("抄送：\(clean(copies))。") }
        lines.append("\(clean(outline.colophon.printingOffice))　　\(outline.colophon.printedOn)")
        lines.append(String(repeating: "─", count: 28))
        return lines.joined(separator: "\n") + "\n"
    }

    /// `附件：1.得分排名表` then `　　　2.整改问题清单`, aligned under the first title.
    static func attachmentNote(_ outline: NoticeOutline, escape: (String) -> String) -> [String] {
        outline.attachmentTitles.enumerated().map { index, title in
            (index == 0 ? "附件：" : "　　　") + escape("\(index + 1).\(title)")
        }
    }
}
