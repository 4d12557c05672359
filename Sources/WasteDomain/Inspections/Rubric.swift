/// A versioned scoring rubric (评分标准): sections of items, each worth up to `maxPoints`.
///
/// Rubrics never change once stored; a new version replaces the active one, and every
/// inspection keeps the rubric it was scored on.
public struct Rubric: Sendable, Equatable {
    public let version: Int
    public let sections: [RubricSection]
    public let items: [RubricItem]

    public init(version: Int, sections: [RubricSection], items: [RubricItem]) {
        self.version = version
        self.sections = sections
        self.items = items
    }

    /// Every rubric is out of exactly 100 points, so inspection totals, grades and ranking
    /// components read on one scale whatever the version.
    public static let totalPoints = Points(tenths: 1000)

    public var total: Points { items.reduce(.zero) { $0 + $1.maxPoints } }

    public func item(_ code: String) -> RubricItem? { items.first { $0.code == code } }

    public func items(in section: String) -> [RubricItem] { items.filter { $0.section == section } }

    public func maxPoints(of section: String) -> Points { items(in: section).reduce(.zero) { $0 + $1.maxPoints } }
}

/// A section of a rubric (A 组织管理, B 宣传教育, C 投放收运).
public struct RubricSection: Sendable, Equatable {
    public let code: String
    public let titleZh: String
    public let titleEn: String

    public init(code: String, titleZh: String, titleEn: String) {
        self.code = code
        self.titleZh = titleZh
        self.titleEn = titleEn
    }
}

/// One scored item of a rubric (A1 … C6).
public struct RubricItem: Sendable, Equatable {
    public let code: String
    public let section: String
    public let titleZh: String
    public let titleEn: String
    public let maxPoints: Points
    /// Set when the system measures the item (``MeasuredScore``): prefilled on inspection create.
    public let source: MeasuredSource?

    public init(code: String, section: String, titleZh: String, titleEn: String, maxPoints: Points,
                source: MeasuredSource? = nil) {
        self.code = code
        self.section = section
        self.titleZh = titleZh
        self.titleEn = titleEn
        self.maxPoints = maxPoints
        self.source = source
    }
}
