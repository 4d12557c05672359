/// One section's page: size, margins and the document grid (lines per page, characters per line),
/// all in twips.
public struct PageSetup: Sendable, Equatable {
    public var width: Int
    public var height: Int
    public var top: Int
    public var bottom: Int
    public var left: Int
    public var right: Int
    public var headerDistance: Int
    public var footerDistance: Int
    /// Distance between grid lines, twips.
    public var linePitch: Int
    /// With a value, characters snap to a grid too: the pitch's adjustment against the default
    /// font size, 1/4096 point (OOXML's unit). nil: a line grid only.
    public var charSpace: Int?

    public init(width: Int, height: Int, top: Int, bottom: Int, left: Int, right: Int, headerDistance: Int,
                footerDistance: Int, linePitch: Int, charSpace: Int?) {
        self.width = width
        self.height = height
        self.top = top
        self.bottom = bottom
        self.left = left
        self.right = right
        self.headerDistance = headerDistance
        self.footerDistance = footerDistance
        self.linePitch = linePitch
        self.charSpace = charSpace
    }

    /// The width between the margins.
    public var textWidth: Int { width - left - right }
}

/// A paragraph style: formatting shared by paragraphs that name it.
public struct ParagraphStyle: Sendable, Equatable {
    public var id: String
    public var name: String
    public var basedOn: String?
    public var paragraph: ParagraphFormat
    public var run: RunFormat

    public init(id: String, name: String, basedOn: String? = nil, paragraph: ParagraphFormat = ParagraphFormat(),
                run: RunFormat = RunFormat()) {
        self.id = id
        self.name = name
        self.basedOn = basedOn
        self.paragraph = paragraph
        self.run = run
    }
}

/// A font the document names, with the font to use where it is not installed.
public struct FontDeclaration: Sendable, Equatable {
    public enum Family: String, Sendable { case roman, swiss, modern }
    public var name: String
    public var alternative: String?
    public var family: Family
    /// Whether it covers GB 2312 (Windows charset 0x86).
    public var chinese: Bool

    public init(name: String, alternative: String?, family: Family, chinese: Bool) {
        self.name = name
        self.alternative = alternative
        self.family = family
        self.chinese = chinese
    }
}

/// The core document properties (docProps/core.xml).
public struct DocumentProperties: Sendable, Equatable {
    public var title: String
    public var creator: String
    /// W3CDTF, e.g. `2026-11-05T00:00:00Z`: fixed by the caller so equal input gives equal files.
    public var created: String
    public var language: String

    public init(title: String, creator: String, created: String, language: String = "zh-CN") {
        self.title = title
        self.creator = creator
        self.created = created
        self.language = language
    }
}
