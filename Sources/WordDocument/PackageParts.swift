/// The package's fixed parts: content types, relationships, settings, fonts, properties.
enum PackageParts {
    static let declaration = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
    static let wordNamespace = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    static let relationshipNamespace = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    private static let relationshipType = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    private static let wordML = "application/vnd.openxmlformats-officedocument.wordprocessingml"

    static func contentTypes(evenPages: Bool) -> String {
        var xml = declaration + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
            + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
            + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
            + override("/word/document.xml", "\(wordML).document.main+xml")
            + override("/word/styles.xml", "\(wordML).styles+xml")
            + override("/word/settings.xml", "\(wordML).settings+xml")
            + override("/word/fontTable.xml", "\(wordML).fontTable+xml")
            + override("/word/header1.xml", "\(wordML).header+xml")
            + override("/word/footer1.xml", "\(wordML).footer+xml")
        if evenPages {
            xml += override("/word/header2.xml", "\(wordML).header+xml") + override("/word/footer2.xml", "\(wordML).footer+xml")
        }
        return xml + override("/docProps/core.xml", "application/vnd.openxmlformats-package.core-properties+xml")
            + override("/docProps/app.xml", "application/vnd.openxmlformats-officedocument.extended-properties+xml")
            + "</Types>"
    }

    private static func override(_ part: String, _ type: String) -> String {
        "<Override PartName=\"\(part)\" ContentType=\"\(type)\"/>"
    }

    static let packageRelationships = declaration
        + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
        + "<Relationship Id=\"rId1\" Type=\"\(relationshipType)/officeDocument\" Target=\"word/document.xml\"/>"
        + "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties\" Target=\"docProps/core.xml\"/>"
        + "<Relationship Id=\"rId3\" Type=\"\(relationshipType)/extended-properties\" Target=\"docProps/app.xml\"/>"
        + "</Relationships>"

    static func documentRelationships(evenPages: Bool) -> String {
        var xml = declaration + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
            + relationship("rIdStyles", "styles", "styles.xml") + relationship("rIdSettings", "settings", "settings.xml")
            + relationship("rIdFonts", "fontTable", "fontTable.xml")
            + relationship("rIdHeaderOdd", "header", "header1.xml") + relationship("rIdFooterOdd", "footer", "footer1.xml")
        if evenPages {
            xml += relationship("rIdHeaderEven", "header", "header2.xml") + relationship("rIdFooterEven", "footer", "footer2.xml")
        }
        return xml + "</Relationships>"
    }

    private static func relationship(_ id: String, _ type: String, _ target: String) -> String {
        "<Relationship Id=\"\(id)\" Type=\"\(relationshipType)/\(type)\" Target=\"\(target)\"/>"
    }

    /// Settings in schema order: zoom, default tab stop, odd/even footers, punctuation compression
    /// (Chinese typesetting), compatibility with Word 2013+ layout.
    static func settings(evenAndOddHeaders: Bool, language: String) -> String {
        declaration + "<w:settings xmlns:w=\"\(wordNamespace)\"><w:zoom w:percent=\"100\"/>"
            + "<w:defaultTabStop w:val=\"420\"/>" + (evenAndOddHeaders ? "<w:evenAndOddHeaders/>" : "")
            + "<w:characterSpacingControl w:val=\"compressPunctuation\"/>"
            + "<w:compat><w:compatSetting w:name=\"compatibilityMode\" w:uri=\"http://schemas.microsoft.com/office/word\" w:val=\"15\"/></w:compat>"
            + "<w:themeFontLang w:val=\"en-US\" w:eastAsia=\"\(XMLText.escape(language))\"/>"
            + "<w:decimalSymbol w:val=\".\"/><w:listSeparator w:val=\",\"/></w:settings>"
    }

    /// Every font the styles name, with `w:altName` — the font a word processor substitutes when
    /// the named one is missing — and the GB 2312 character set for the Chinese ones.
    static func fontTable(_ fonts: [FontDeclaration]) -> String {
        var xml = declaration + "<w:fonts xmlns:w=\"\(wordNamespace)\">"
        for font in fonts {
            xml += "<w:font w:name=\"\(XMLText.escape(font.name))\">"
            if let alternative = font.alternative { xml += "<w:altName w:val=\"\(XMLText.escape(alternative))\"/>" }
            xml += "<w:charset w:val=\"\(font.chinese ? "86" : "00")\"/><w:family w:val=\"\(font.family.rawValue)\"/>"
                + "<w:pitch w:val=\"\(font.family == .modern ? "fixed" : "variable")\"/></w:font>"
        }
        return xml + "</w:fonts>"
    }

    static func headerFooter(_ element: String, _ paragraphs: [Paragraph]) -> String {
        let content = paragraphs.isEmpty ? "<w:p/>" : paragraphs.map(WordprocessingML.paragraph).joined()
        return declaration + "<w:\(element) xmlns:w=\"\(wordNamespace)\" xmlns:r=\"\(relationshipNamespace)\">\(content)</w:\(element)>"
    }

    static func core(_ p: DocumentProperties) -> String {
        declaration + "<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\""
            + " xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:dcterms=\"http://purl.org/dc/terms/\""
            + " xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">"
            + "<dc:title>\(XMLText.escape(p.title))</dc:title><dc:creator>\(XMLText.escape(p.creator))</dc:creator>"
            + "<dc:language>\(XMLText.escape(p.language))</dc:language>"
            + "<dcterms:created xsi:type=\"dcterms:W3CDTF\">\(XMLText.escape(p.created))</dcterms:created>"
            + "<dcterms:modified xsi:type=\"dcterms:W3CDTF\">\(XMLText.escape(p.created))</dcterms:modified>"
            + "</cp:coreProperties>"
    }

    static let app = declaration
        + "<Properties xmlns=\"http://schemas.openxmlformats.org/officeDocument/2006/extended-properties\">"
        + "<Application>wastesort</Application><DocSecurity>0</DocSecurity></Properties>"
}
