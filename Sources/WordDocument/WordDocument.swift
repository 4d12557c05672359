import ZipArchive

/// A Word document (.docx, ECMA-376 / ISO/IEC 29500 transitional) of one section: styles, a body
/// of paragraphs and tables, and footers that may differ on odd and even pages. `archive()` writes
/// the package; equal documents give equal bytes.
public struct WordDocument: Sendable, Equatable {
    public var page: PageSetup
    /// The defaults every style builds on.
    public var defaultRun: RunFormat
    public var styles: [ParagraphStyle]
    public var fonts: [FontDeclaration]
    public var body: [Block]
    /// Footer of odd pages (of every page when `evenFooter` is nil).
    public var oddFooter: [Paragraph]
    public var evenFooter: [Paragraph]?
    public var properties: DocumentProperties

    public init(page: PageSetup, defaultRun: RunFormat, styles: [ParagraphStyle], fonts: [FontDeclaration],
                body: [Block], oddFooter: [Paragraph], evenFooter: [Paragraph]?, properties: DocumentProperties) {
        self.page = page
        self.defaultRun = defaultRun
        self.styles = styles
        self.fonts = fonts
        self.body = body
        self.oddFooter = oddFooter
        self.evenFooter = evenFooter
        self.properties = properties
    }

    /// The names of the parts `archive()` writes, in order.
    public var partNames: [String] { parts().map(\.name) }

    /// The .docx file.
    public func archive() throws -> [UInt8] {
        var writer = ZipWriter()
        for part in parts() { try writer.add(part.name, text: part.xml) }
        return try writer.finish()
    }

    func parts() -> [(name: String, xml: String)] {
        var parts: [(name: String, xml: String)] = [
            ("[Content_Types].xml", PackageParts.contentTypes(evenPages: evenFooter != nil)),
            ("_rels/.rels", PackageParts.packageRelationships),
            ("docProps/core.xml", PackageParts.core(properties)),
            ("docProps/app.xml", PackageParts.app),
            ("word/document.xml", documentXML()),
            ("word/styles.xml", StylesPart.xml(defaultRun: defaultRun, styles: styles, language: properties.language)),
            ("word/settings.xml", PackageParts.settings(evenAndOddHeaders: evenFooter != nil, language: properties.language)),
            ("word/fontTable.xml", PackageParts.fontTable(fonts)),
            ("word/header1.xml", PackageParts.headerFooter("hdr", [])),
            ("word/footer1.xml", PackageParts.headerFooter("ftr", oddFooter)),
        ]
        if let evenFooter {
            parts.append(("word/header2.xml", PackageParts.headerFooter("hdr", [])))
            parts.append(("word/footer2.xml", PackageParts.headerFooter("ftr", evenFooter)))
        }
        parts.append(("word/_rels/document.xml.rels", PackageParts.documentRelationships(evenPages: evenFooter != nil)))
        return parts
    }

    func documentXML() -> String {
        var xml = PackageParts.declaration
            + "<w:document xmlns:w=\"\(PackageParts.wordNamespace)\" xmlns:r=\"\(PackageParts.relationshipNamespace)\"><w:body>"
        for block in body {
            switch block {
            case .paragraph(let paragraph): xml += WordprocessingML.paragraph(paragraph)
            case .table(let table): xml += WordprocessingML.table(table)
            }
        }
        // A body that ends in a table needs a paragraph after it.
        if case .table = body.last { xml += "<w:p/>" }
        return xml + sectionProperties() + "</w:body></w:document>"
    }

    private func sectionProperties() -> String {
        var xml = "<w:sectPr><w:headerReference w:type=\"default\" r:id=\"rIdHeaderOdd\"/>"
        if evenFooter != nil { xml += "<w:headerReference w:type=\"even\" r:id=\"rIdHeaderEven\"/>" }
        xml += "<w:footerReference w:type=\"default\" r:id=\"rIdFooterOdd\"/>"
        if evenFooter != nil { xml += "<w:footerReference w:type=\"even\" r:id=\"rIdFooterEven\"/>" }
        let p = page
        xml += "<w:pgSz w:w=\"\(p.width)\" w:h=\"\(p.height)\"/>"
            + "<w:pgMar w:top=\"\(p.top)\" w:right=\"\(p.right)\" w:bottom=\"\(p.bottom)\" w:left=\"\(p.left)\""
            + " w:header=\"\(p.headerDistance)\" w:footer=\"\(p.footerDistance)\" w:gutter=\"0\"/>"
            + "<w:pgNumType w:fmt=\"decimal\"/><w:cols w:space=\"425\"/>"
            + (p.charSpace.map { "<w:docGrid w:type=\"linesAndChars\" w:linePitch=\"\(p.linePitch)\" w:charSpace=\"\($0)\"/>" }
                ?? "<w:docGrid w:type=\"lines\" w:linePitch=\"\(p.linePitch)\"/>")
        return xml + "</w:sectPr>"
    }
}
