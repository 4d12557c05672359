/// A run of text with one formatting, or a field (e.g. the page number), or a tab.
public struct Run: Sendable, Equatable {
    public enum Content: Sendable, Equatable {
        case text(String)
        case tab
        /// A field computed by the word processor (`PAGE`, `NUMPAGES`), with the text shown until it updates.
        case field(instruction: String, placeholder: String)
    }

    public var content: Content
    public var format: RunFormat

    public init(_ text: String, _ format: RunFormat = RunFormat()) {
        self.content = .text(text)
        self.format = format
    }

    public init(content: Content, format: RunFormat = RunFormat()) {
        self.content = content
        self.format = format
    }
}

/// Character formatting; nil means "as the style says".
public struct RunFormat: Sendable, Equatable {
    public var font: FontChoice?
    public var sizePoints: Double?
    public var bold: Bool?
    /// `RRGGBB`.
    public var color: String?
    /// Extra space between characters, points (negative condenses).
    public var spacingPoints: Double?
    /// Glyph width, percent of normal (narrows a line to fit without lowering its height).
    public var horizontalScale: Int?

    public init(font: FontChoice? = nil, sizePoints: Double? = nil, bold: Bool? = nil, color: String? = nil,
                spacingPoints: Double? = nil, horizontalScale: Int? = nil) {
        self.font = font
        self.sizePoints = sizePoints
        self.bold = bold
        self.color = color
        self.spacingPoints = spacingPoints
        self.horizontalScale = horizontalScale
    }
}

/// Which fonts a run uses: one for East-Asian text, one for Latin text and digits.
public struct FontChoice: Sendable, Equatable {
    public var eastAsian: String
    public var latin: String

    public init(eastAsian: String, latin: String) {
        self.eastAsian = eastAsian
        self.latin = latin
    }
}

public enum Alignment: String, Sendable {
    case left, center, right, both
}

/// A paragraph border line.
public struct BorderLine: Sendable, Equatable {
    /// Eighths of a point.
    public var width: Int
    public var color: String
    /// Distance from the text, points.
    public var spacePoints: Int

    public init(width: Int, color: String = "000000", spacePoints: Int = 1) {
        self.width = width
        self.color = color
        self.spacePoints = spacePoints
    }
}

/// A frame that lifts paragraphs out of the flow: consecutive paragraphs with the same frame share it.
/// Used to put a block at the foot of the page its anchor falls on.
public struct ParagraphFrame: Sendable, Equatable {
    public enum VerticalPosition: String, Sendable { case top, center, bottom }
    /// Width in twips.
    public var width: Int
    public var vertical: VerticalPosition

    public init(width: Int, vertical: VerticalPosition) {
        self.width = width
        self.vertical = vertical
    }
}

/// Paragraph formatting; nil means "as the style says".
public struct ParagraphFormat: Sendable, Equatable {
    public var alignment: Alignment?
    /// Indents in twips.
    public var leftIndent: Int?
    public var rightIndent: Int?
    public var firstLineIndent: Int?
    /// Space before and after, twips.
    public var spaceBefore: Int?
    public var spaceAfter: Int?
    /// Exact line height, twips (nil: the document grid's line).
    public var exactLineHeight: Int?
    public var pageBreakBefore = false
    public var keepWithNext = false
    /// Off for lines that must not snap to the document grid (a fitted heading, a table cell).
    public var snapToGrid: Bool?
    public var topBorder: BorderLine?
    public var bottomBorder: BorderLine?
    /// Right-aligned tab stops, twips from the left indent.
    public var rightTabs: [Int] = []
    public var frame: ParagraphFrame?
    /// 0 for a first-level heading, 1 for the second…: what a navigation pane shows.
    public var outlineLevel: Int?

    public init(alignment: Alignment? = nil, leftIndent: Int? = nil, rightIndent: Int? = nil, firstLineIndent: Int? = nil,
                spaceBefore: Int? = nil, spaceAfter: Int? = nil, exactLineHeight: Int? = nil, pageBreakBefore: Bool = false,
                keepWithNext: Bool = false, snapToGrid: Bool? = nil, topBorder: BorderLine? = nil,
                bottomBorder: BorderLine? = nil, rightTabs: [Int] = [], frame: ParagraphFrame? = nil, outlineLevel: Int? = nil) {
        self.alignment = alignment
        self.leftIndent = leftIndent
        self.rightIndent = rightIndent
        self.firstLineIndent = firstLineIndent
        self.spaceBefore = spaceBefore
        self.spaceAfter = spaceAfter
        self.exactLineHeight = exactLineHeight
        self.pageBreakBefore = pageBreakBefore
        self.keepWithNext = keepWithNext
        self.snapToGrid = snapToGrid
        self.topBorder = topBorder
        self.bottomBorder = bottomBorder
        self.rightTabs = rightTabs
        self.frame = frame
        self.outlineLevel = outlineLevel
    }
}

/// A paragraph: a style, its own formatting over the style, and runs.
public struct Paragraph: Sendable, Equatable {
    public var style: String?
    public var format: ParagraphFormat
    public var runs: [Run]

    public init(style: String? = nil, _ format: ParagraphFormat = ParagraphFormat(), runs: [Run]) {
        self.style = style
        self.format = format
        self.runs = runs
    }

    public init(style: String? = nil, _ format: ParagraphFormat = ParagraphFormat(), text: String) {
        self.init(style: style, format, runs: [Run(text)])
    }
}
