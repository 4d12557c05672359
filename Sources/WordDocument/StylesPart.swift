/// `word/styles.xml`: the document defaults and the paragraph styles.
enum StylesPart {
    static func xml(defaultRun: RunFormat, styles: [ParagraphStyle], language: String) -> String {
        var xml = PackageParts.declaration + "<w:styles xmlns:w=\"\(PackageParts.wordNamespace)\">"
        xml += "<w:docDefaults><w:rPrDefault><w:rPr>\(WordprocessingML.runProperties(defaultRun))"
            + "<w:lang w:val=\"\(XMLText.escape(language))\" w:eastAsia=\"\(XMLText.escape(language))\" w:bidi=\"ar-SA\"/>"
            + "</w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:widowControl/><w:jc w:val=\"both\"/></w:pPr></w:pPrDefault></w:docDefaults>"
        // "Normal" must exist: paragraphs without a style use it.
        if !styles.contains(where: { $0.id == "Normal" }) {
            xml += "<w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\"><w:name w:val=\"Normal\"/><w:qFormat/></w:style>"
        }
        for style in styles {
            let isDefault = style.id == "Normal" ? " w:default=\"1\"" : ""
            xml += "<w:style w:type=\"paragraph\"\(isDefault) w:styleId=\"\(XMLText.escape(style.id))\">"
                + "<w:name w:val=\"\(XMLText.escape(style.name))\"/>"
            if let base = style.basedOn { xml += "<w:basedOn w:val=\"\(XMLText.escape(base))\"/>" }
            xml += "<w:qFormat/>"
            let pPr = WordprocessingML.paragraphProperties(style.paragraph, style: nil)
            if !pPr.isEmpty { xml += "<w:pPr>\(pPr)</w:pPr>" }
            let rPr = WordprocessingML.runProperties(style.run)
            if !rPr.isEmpty { xml += "<w:rPr>\(rPr)</w:rPr>" }
            xml += "</w:style>"
        }
        return xml + "</w:styles>"
    }
}
