import WasteDomain
import WordDocument

/// The page, type and styles of GB/T 9704-2012 as Word sees them (docs/NOTICE-FORMAT.md). Fonts
/// carry the standard's names; the font table names what to use where they are missing.
enum NoticeDocxStyles {
    static let fangsong = FontChoice(eastAsian: "仿宋_GB2312", latin: "仿宋_GB2312")
    static let heiti = FontChoice(eastAsian: "黑体", latin: "黑体")
    static let kaiti = FontChoice(eastAsian: "楷体_GB2312", latin: "楷体_GB2312")
    static let xiaobiaosong = FontChoice(eastAsian: "方正小标宋简体", latin: "方正小标宋简体")
    static let songti = FontChoice(eastAsian: "宋体", latin: "宋体")

    static let fonts = [
        FontDeclaration(name: "仿宋_GB2312", alternative: "仿宋", family: .modern, chinese: true),
        FontDeclaration(name: "仿宋", alternative: "FangSong", family: .modern, chinese: true),
        FontDeclaration(name: "黑体", alternative: "SimHei", family: .modern, chinese: true),
        FontDeclaration(name: "楷体_GB2312", alternative: "楷体", family: .modern, chinese: true),
        FontDeclaration(name: "楷体", alternative: "KaiTi", family: .modern, chinese: true),
        FontDeclaration(name: "方正小标宋简体", alternative: "华文中宋", family: .roman, chinese: true),
        FontDeclaration(name: "宋体", alternative: "SimSun", family: .roman, chinese: true),
    ]

    static let page = PageSetup(
        width: Length.twips(millimetres: NoticeLayout.pageWidthMM), height: Length.twips(millimetres: NoticeLayout.pageHeightMM),
        top: Length.twips(millimetres: NoticeLayout.topMarginMM), bottom: Length.twips(millimetres: NoticeLayout.bottomMarginMM),
        left: Length.twips(millimetres: NoticeLayout.leftMarginMM), right: Length.twips(millimetres: NoticeLayout.rightMarginMM),
        headerDistance: Length.twips(millimetres: 15),
        // the page number's line starts 7 mm under the type area: 35 − 7 mm, less the line's own height
        footerDistance: Length.twips(millimetres: NoticeLayout.bottomMarginMM - 7) - pageNumberLineHeight,
        linePitch: Int((Double(Length.twips(millimetres: NoticeLayout.typeAreaHeightMM)) / Double(NoticeLayout.linesPerPage)).rounded(.down)),
        // a line grid only: LibreOffice lays a character grid out at its own pitch (about 16
        // characters a line here); 28 characters come from the spacing below instead
        charSpace: nil)

    /// One grid character (156 mm ÷ 28), twips.
    static var character: Double { Double(page.width - page.left - page.right) / Double(NoticeLayout.charactersPerLine) }
    static func characters(_ count: Double) -> Int { Int((character * count).rounded()) }
    static var line: Int { page.linePitch }

    /// Character spacing that puts 28 characters of 三号 on a 156 mm line: the pitch (15.79 pt)
    /// less 16 pt, rounded down to Word's twentieths of a point (−0.25 pt).
    static var characterSpacing: Double {
        let pitchPoints = Double(page.width - page.left - page.right) / 20 / Double(NoticeLayout.charactersPerLine)
        return ((pitchPoints - NoticeLayout.size3) * 20).rounded(.down) / 20
    }

    static let pageNumberLineHeight = Length.twips(points: NoticeLayout.size4 * 1.2)

    static let body = "Normal"
    static let level1 = "Level1"
    static let level2 = "Level2"
    static let level3 = "Level3"
    static let title = "NoticeTitle"
    static let tableText = "TableText"

    static var styles: [ParagraphStyle] {
        let indent = ParagraphFormat(firstLineIndent: characters(2))
        return [
            ParagraphStyle(id: body, name: "Normal", paragraph: ParagraphFormat(alignment: .both, firstLineIndent: characters(2)),
                           run: RunFormat(font: fangsong, sizePoints: NoticeLayout.size3, spacingPoints: characterSpacing)),
            ParagraphStyle(id: level1, name: "heading 1", basedOn: body,
                           paragraph: ParagraphFormat(firstLineIndent: indent.firstLineIndent, keepWithNext: true, outlineLevel: 0),
                           run: RunFormat(font: heiti)),
            ParagraphStyle(id: level2, name: "heading 2", basedOn: body,
                           paragraph: ParagraphFormat(firstLineIndent: indent.firstLineIndent, outlineLevel: 1),
                           run: RunFormat(font: kaiti)),
            ParagraphStyle(id: level3, name: "heading 3", basedOn: body,
                           paragraph: ParagraphFormat(firstLineIndent: indent.firstLineIndent), run: RunFormat(font: fangsong)),
            ParagraphStyle(id: title, name: "Title", basedOn: body,
                           paragraph: ParagraphFormat(alignment: .center, firstLineIndent: 0, keepWithNext: true),
                           run: RunFormat(font: xiaobiaosong, sizePoints: NoticeLayout.size2)),
            ParagraphStyle(id: tableText, name: "Table Text", basedOn: body,
                           paragraph: ParagraphFormat(alignment: .left, firstLineIndent: 0,
                                                      exactLineHeight: Length.twips(points: NoticeLayout.size5 * 1.5), snapToGrid: false),
                           run: RunFormat(sizePoints: NoticeLayout.size5)),
        ]
    }

    /// "— n —" in 4号宋体, one character in from the outer edge of the type area.
    static func pageNumber(_ alignment: Alignment) -> Paragraph {
        let format = RunFormat(font: songti, sizePoints: NoticeLayout.size4)
        let oneCharacter = Length.twips(points: NoticeLayout.size4)
        return Paragraph(ParagraphFormat(alignment: alignment, leftIndent: alignment == .left ? oneCharacter : 0,
                                         rightIndent: alignment == .right ? oneCharacter : 0, firstLineIndent: 0,
                                         spaceBefore: 0, spaceAfter: 0, exactLineHeight: pageNumberLineHeight, snapToGrid: false),
                         runs: [Run("— ", format), Run(content: .field(instruction: "PAGE", placeholder: "1"), format: format),
                                Run(" —", format)])
    }
}
