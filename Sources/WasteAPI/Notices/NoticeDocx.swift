import WasteDomain
import WordDocument

/// The notice as a Word document after GB/T 9704-2012: 版头 (red mark fitted to one line, number,
/// red rule), title, 主送机关, body in its four levels, 附件说明, signature and 成文日期, each
/// attachment from a new page with a repeating header row, and the 版记 at the foot of the last
/// page (docs/NOTICE-FORMAT.md lists each point and where it is made).
enum NoticeDocx {
    static let mediaType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"

    static func archive(_ content: NoticeContent) throws -> [UInt8] {
        try document(content).archive()
    }

    static func document(_ content: NoticeContent) -> WordDocument {
        let outline = NoticeOutline(content)
        typealias S = NoticeDocxStyles
        var body: [Block] = masthead(outline)
        body.append(.paragraph(Paragraph(style: S.title, ParagraphFormat(spaceBefore: S.line * 2, spaceAfter: S.line),
                                         text: outline.title)))
        body.append(.paragraph(Paragraph(ParagraphFormat(firstLineIndent: 0), text: outline.addressees)))
        var paragraphs = outline.body.map(paragraph)
        // the signature never stands alone on a page: the last paragraph and the 附件说明 go with it
        if !paragraphs.isEmpty { paragraphs[paragraphs.count - 1].format.keepWithNext = true }
        body += paragraphs.map { .paragraph($0) }
        body += attachmentNote(outline)
        body += signature(outline)
        for attachment in outline.attachments { body += self.attachment(attachment) }
        body += colophon(outline.colophon)
        return WordDocument(
            page: S.page, defaultRun: RunFormat(font: S.fangsong, sizePoints: NoticeLayout.size3), styles: S.styles, fonts: S.fonts,
            body: body, oddFooter: [S.pageNumber(.right)], evenFooter: [S.pageNumber(.left)],
            properties: DocumentProperties(title: outline.title, creator: content.issuingOffice,
                                           created: "\(content.issuedOn)T00:00:00Z"))
    }

    /// The red mark 35 mm below the top of the type area, the number two lines under it, and the
    /// red rule 4 mm under the number.
    static func masthead(_ outline: NoticeOutline) -> [Block] {
        typealias S = NoticeDocxStyles
        let fit = NoticeLayout.markFit(outline.mark)
        let mark = Paragraph(ParagraphFormat(alignment: .center, firstLineIndent: 0, spaceBefore: Length.twips(millimetres: 35),
                                             spaceAfter: 0, exactLineHeight: Length.twips(points: fit.sizePoints * 1.25),
                                             snapToGrid: false),
                             runs: [Run(outline.mark, RunFormat(font: S.xiaobiaosong, sizePoints: fit.sizePoints,
                                                                color: NoticeLayout.red,
                                                                horizontalScale: fit.scalePercent < 100 ? fit.scalePercent : nil))])
        let number = Paragraph(ParagraphFormat(alignment: .center, firstLineIndent: 0, spaceBefore: S.line * 2, spaceAfter: 0,
                                               bottomBorder: BorderLine(width: 12, color: NoticeLayout.red, spacePoints: 11)),
                               text: outline.number)
        return [.paragraph(mark), .paragraph(number)]
    }

    static func paragraph(_ block: NoticeOutline.Block) -> Paragraph {
        typealias S = NoticeDocxStyles
        switch block {
        case .paragraph(let text):
            return Paragraph(text: text)
        case .numbered(let level, let number, let title, let text):
            let style = level == .one ? S.level1 : level == .two ? S.level2 : S.level3
            var runs = [Run(number + title)]
            if !text.isEmpty { runs.append(Run(text, RunFormat(font: S.fangsong))) }
            var format = ParagraphFormat()
            format.keepWithNext = text.isEmpty
            return Paragraph(style: style, format, runs: runs)
        }
    }

    /// 附件说明 one line under the body, two characters in; further titles aligned under the first.
    static func attachmentNote(_ outline: NoticeOutline) -> [Block] {
        typealias S = NoticeDocxStyles
        return outline.attachmentTitles.enumerated().map { index, title in
            let format = index == 0 ? ParagraphFormat(firstLineIndent: S.characters(2), spaceBefore: S.line, keepWithNext: true)
                : ParagraphFormat(leftIndent: S.characters(5), firstLineIndent: 0, keepWithNext: true)
            return .paragraph(Paragraph(format, text: (index == 0 ? "附件：" : "") + "\(index + 1).\(title)"))
        }
    }

    /// Unsealed documents: the signature one line under, two characters from the right; the date
    /// under it starting two characters further right. A signature too long for that is set
    /// flush right, with the date four characters from the right.
    static func signature(_ outline: NoticeOutline) -> [Block] {
        typealias S = NoticeDocxStyles
        let signatureEms = NoticeLayout.widthInEms(outline.signature)
        let dateEms = NoticeLayout.widthInEms(outline.date)
        let fits = signatureEms + 2 <= Double(NoticeLayout.charactersPerLine)
        let signatureIndent = fits ? S.characters(2) : 0
        let dateIndent = fits ? S.characters(max(signatureEms - dateEms, 0)) : S.characters(4)
        return [
            .paragraph(Paragraph(ParagraphFormat(alignment: .right, rightIndent: signatureIndent, firstLineIndent: 0,
                                                 spaceBefore: S.line * 2, keepWithNext: true), text: outline.signature)),
            .paragraph(Paragraph(ParagraphFormat(alignment: .right, rightIndent: dateIndent, firstLineIndent: 0), text: outline.date)),
        ]
    }

    /// From a new page: 附件N in 黑体 in the first line, flush left; the title centred in the third.
    static func attachment(_ attachment: NoticeOutline.Attachment) -> [Block] {
        typealias S = NoticeDocxStyles
        var blocks: [Block] = [
            .paragraph(Paragraph(ParagraphFormat(firstLineIndent: 0, pageBreakBefore: true),
                                 runs: [Run(attachment.label, RunFormat(font: S.heiti))])),
            .paragraph(Paragraph(style: S.title, ParagraphFormat(spaceBefore: S.line, spaceAfter: S.line), text: attachment.title)),
        ]
        if let table = attachment.table { blocks.append(.table(self.table(table))) }
        blocks += attachment.notes.map { .paragraph(Paragraph(ParagraphFormat(spaceBefore: S.line / 2), text: $0)) }
        return blocks
    }

    static func table(_ table: NoticeOutline.Table) -> Table {
        typealias S = NoticeDocxStyles
        let width = S.page.textWidth
        let total = max(table.widths.reduce(0, +), 1)
        var widths = table.widths.map { $0 * width / total }
        if let last = widths.indices.last { widths[last] += width - widths.reduce(0, +) }
        let header = table.columns.map { column in
            Table.Cell([Paragraph(style: S.tableText, ParagraphFormat(alignment: .center),
                                  runs: [Run(column, RunFormat(font: S.heiti))])], noWrap: true)
        }
        let rows = table.rows.map { row in
            row.enumerated().map { column, value in
                Table.Cell([Paragraph(style: S.tableText,
                                      ParagraphFormat(alignment: table.numericColumns.contains(column) ? .center : .left),
                                      text: value)], noWrap: table.oneLineColumns.contains(column))
            }
        }
        return Table(columnWidths: widths, rows: [header] + rows, headerRows: 1)
    }

    /// The 版记 in a frame at the foot of the last page: 抄送 and 印发机关/印发日期 in 4号,
    /// one character in from each side, between rules (the outer ones heavier).
    static func colophon(_ colophon: NoticeOutline.Colophon) -> [Block] {
        typealias S = NoticeDocxStyles
        let frame = ParagraphFrame(width: S.page.textWidth, vertical: .bottom)
        let heavy = BorderLine(width: 8, spacePoints: 1), light = BorderLine(width: 4, spacePoints: 1)
        let size = NoticeLayout.colophonSize(office: colophon.printingOffice, date: colophon.printedOn)
        let run = RunFormat(font: S.fangsong, sizePoints: size, spacingPoints: 0)
        let oneCharacter = Length.twips(points: size)
        func line(_ runs: [Run], top: BorderLine?, bottom: BorderLine, tabs: [Int] = []) -> Block {
            .paragraph(Paragraph(ParagraphFormat(alignment: .left, leftIndent: 0, rightIndent: 0, firstLineIndent: 0,
                                                 spaceBefore: 0, spaceAfter: 0,
                                                 exactLineHeight: Length.twips(points: NoticeLayout.size4 * 1.8), snapToGrid: false,
                                                 topBorder: top, bottomBorder: bottom, rightTabs: tabs, frame: frame), runs: runs))
        }
        var blocks: [Block] = []
        if let copies = colophon.copiesTo {
            blocks.append(line([Run("　抄送：\(copies)。", run)], top: heavy, bottom: light))
        }
        blocks.append(line([Run("　" + colophon.printingOffice, run), Run(content: .tab, format: run), Run(colophon.printedOn, run)],
                           top: colophon.copiesTo == nil ? heavy : nil, bottom: heavy, tabs: [S.page.textWidth - oneCharacter]))
        return blocks
    }
}
