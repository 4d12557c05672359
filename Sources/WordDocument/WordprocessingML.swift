/// Writes paragraphs, runs and tables as WordprocessingML (ECMA-376 Part 1, §17), with every
/// element in the order the schema requires: Word reports a file as damaged when it is not.
enum WordprocessingML {
    static func paragraph(_ paragraph: Paragraph) -> String {
        var xml = "<w:p>"
        let properties = paragraphProperties(paragraph.format, style: paragraph.style)
        if !properties.isEmpty { xml += "<w:pPr>\(properties)</w:pPr>" }
        for run in paragraph.runs { xml += self.run(run) }
        return xml + "</w:p>"
    }

    /// The children of `w:pPr` (also used by styles).
    static func paragraphProperties(_ f: ParagraphFormat, style: String?) -> String {
        var xml = ""
        if let style { xml += "<w:pStyle w:val=\"\(XMLText.escape(style))\"/>" }
        if f.keepWithNext { xml += "<w:keepNext/>" }
        if f.pageBreakBefore { xml += "<w:pageBreakBefore/>" }
        if let frame = f.frame {
            xml += "<w:framePr w:w=\"\(frame.width)\" w:wrap=\"around\" w:vAnchor=\"margin\" w:hAnchor=\"margin\""
                + " w:xAlign=\"center\" w:yAlign=\"\(frame.vertical.rawValue)\"/>"
        }
        if f.topBorder != nil || f.bottomBorder != nil {
            xml += "<w:pBdr>"
            if let top = f.topBorder { xml += border("top", top) }
            if let bottom = f.bottomBorder { xml += border("bottom", bottom) }
            xml += "</w:pBdr>"
        }
        if !f.rightTabs.isEmpty {
            xml += "<w:tabs>" + f.rightTabs.map { "<w:tab w:val=\"right\" w:pos=\"\($0)\"/>" }.joined() + "</w:tabs>"
        }
        if let snap = f.snapToGrid { xml += "<w:snapToGrid w:val=\"\(snap ? 1 : 0)\"/>" }
        var spacing = ""
        if let before = f.spaceBefore { spacing += " w:before=\"\(before)\"" }
        if let after = f.spaceAfter { spacing += " w:after=\"\(after)\"" }
        if let line = f.exactLineHeight { spacing += " w:line=\"\(line)\" w:lineRule=\"exact\"" }
        if !spacing.isEmpty { xml += "<w:spacing\(spacing)/>" }
        var indent = ""
        if let left = f.leftIndent { indent += " w:left=\"\(left)\"" }
        if let right = f.rightIndent { indent += " w:right=\"\(right)\"" }
        if let first = f.firstLineIndent { indent += first >= 0 ? " w:firstLine=\"\(first)\"" : " w:hanging=\"\(-first)\"" }
        if !indent.isEmpty { xml += "<w:ind\(indent)/>" }
        if let alignment = f.alignment { xml += "<w:jc w:val=\"\(alignment.rawValue)\"/>" }
        if let level = f.outlineLevel { xml += "<w:outlineLvl w:val=\"\(level)\"/>" }
        return xml
    }

    /// The children of `w:rPr` (also used by styles).
    static func runProperties(_ f: RunFormat) -> String {
        var xml = ""
        if let font = f.font {
            let latin = XMLText.escape(font.latin)
            xml += "<w:rFonts w:ascii=\"\(latin)\" w:hAnsi=\"\(latin)\" w:eastAsia=\"\(XMLText.escape(font.eastAsian))\" w:cs=\"\(latin)\"/>"
        }
        if let bold = f.bold { xml += bold ? "<w:b/><w:bCs/>" : "<w:b w:val=\"0\"/><w:bCs w:val=\"0\"/>" }
        if let color = f.color { xml += "<w:color w:val=\"\(XMLText.escape(color))\"/>" }
        if let spacing = f.spacingPoints { xml += "<w:spacing w:val=\(quoted(Length.twips(points: spacing)))/>" }
        if let scale = f.horizontalScale { xml += "<w:w w:val=\"\(min(max(scale, 1), 600))\"/>" }
        if let size = f.sizePoints {
            let half = Length.halfPoints(size)
            xml += "<w:sz w:val=\"\(half)\"/><w:szCs w:val=\"\(half)\"/>"
        }
        return xml
    }

    static func run(_ run: Run) -> String {
        let properties = runProperties(run.format)
        let rPr = properties.isEmpty ? "" : "<w:rPr>\(properties)</w:rPr>"
        switch run.content {
        case .text(let text):
            return "<w:r>\(rPr)<w:t xml:space=\"preserve\">\(XMLText.escape(text))</w:t></w:r>"
        case .tab:
            return "<w:r>\(rPr)<w:tab/></w:r>"
        case .field(let instruction, let placeholder):
            // A complex field (begin, instruction, separate, shown result, end): read by Word, WPS and LibreOffice alike.
            return "<w:r>\(rPr)<w:fldChar w:fldCharType=\"begin\"/></w:r>"
                + "<w:r>\(rPr)<w:instrText xml:space=\"preserve\"> \(XMLText.escape(instruction)) </w:instrText></w:r>"
                + "<w:r>\(rPr)<w:fldChar w:fldCharType=\"separate\"/></w:r>"
                + "<w:r>\(rPr)<w:t>\(XMLText.escape(placeholder))</w:t></w:r>"
                + "<w:r>\(rPr)<w:fldChar w:fldCharType=\"end\"/></w:r>"
        }
    }

    static func table(_ table: Table) -> String {
        let total = table.columnWidths.reduce(0, +)
        var xml = "<w:tbl><w:tblPr><w:tblW w:w=\"\(total)\" w:type=\"dxa\"/><w:jc w:val=\"center\"/><w:tblBorders>"
        for edge in ["top", "left", "bottom", "right", "insideH", "insideV"] {
            xml += "<w:\(edge) w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\"/>"
        }
        xml += "</w:tblBorders><w:tblLayout w:type=\"fixed\"/><w:tblCellMar>"
            + "<w:left w:w=\"\(table.cellPadding)\" w:type=\"dxa\"/><w:right w:w=\"\(table.cellPadding)\" w:type=\"dxa\"/>"
            + "</w:tblCellMar><w:tblLook w:val=\"0020\" w:firstRow=\"1\" w:lastRow=\"0\" w:firstColumn=\"0\" w:lastColumn=\"0\""
            + " w:noHBand=\"1\" w:noVBand=\"1\"/></w:tblPr><w:tblGrid>"
        xml += table.columnWidths.map { "<w:gridCol w:w=\"\($0)\"/>" }.joined() + "</w:tblGrid>"
        for (index, row) in table.rows.enumerated() {
            xml += "<w:tr><w:trPr><w:cantSplit/>" + (index < table.headerRows ? "<w:tblHeader/>" : "") + "</w:trPr>"
            for (column, cell) in row.enumerated() {
                let width = column < table.columnWidths.count ? table.columnWidths[column] : 0
                xml += "<w:tc><w:tcPr><w:tcW w:w=\"\(width)\" w:type=\"dxa\"/>" + (cell.noWrap ? "<w:noWrap/>" : "")
                    + "<w:vAlign w:val=\"center\"/></w:tcPr>"
                // A cell must hold at least one paragraph.
                let paragraphs = cell.paragraphs.isEmpty ? [Paragraph(runs: [])] : cell.paragraphs
                xml += paragraphs.map(paragraph).joined() + "</w:tc>"
            }
            xml += "</w:tr>"
        }
        return xml + "</w:tbl>"
    }

    private static func border(_ edge: String, _ line: BorderLine) -> String {
        "<w:\(edge) w:val=\"single\" w:sz=\"\(line.width)\" w:space=\"\(line.spacePoints)\" w:color=\"\(XMLText.escape(line.color))\"/>"
    }

    private static func quoted(_ value: Int) -> String { "\"\(value)\"" }
}
