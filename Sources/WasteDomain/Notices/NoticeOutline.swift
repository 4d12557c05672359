/// A notice laid out as an official document (GB/T 9704-2012): the 版头, the body in numbered
/// levels 一、 （一） 1. （1）, the 附件说明 and signature, the attachments and the 版记. Every
/// format (Markdown, text, HTML, Word) renders this one outline, so their numbering and wording
/// cannot drift apart (docs/NOTICE-FORMAT.md).
public struct NoticeOutline: Sendable, Equatable {
    /// The four levels of the standard's 结构层次序数.
    public enum Level: Int, Sendable, CaseIterable {
        case one = 1, two, three, four

        /// The number as printed: 一、 （一） 1. （1）.
        public func number(_ n: Int) -> String {
            switch self {
            case .one: return "\(ChineseNumeral.text(n))、"
            case .two: return "（\(ChineseNumeral.text(n))）"
            case .three: return "\(n)."
            case .four: return "（\(n)）"
            }
        }
    }

    public enum Block: Sendable, Equatable {
        /// A numbered line or paragraph: `number` and `title` in the level's typeface, then `text`
        /// (if any) in the body's, in the same paragraph.
        case numbered(level: Level, number: String, title: String, text: String)
        case paragraph(String)
    }

    public struct Table: Sendable, Equatable {
        public var columns: [String]
        public var rows: [[String]]
        /// Relative widths of the columns (their share of the type area).
        public var widths: [Int]
        /// Columns whose values must stay on one line (dates, statuses, ranks).
        public var oneLineColumns: Set<Int>
        /// Columns of figures, aligned right.
        public var numericColumns: Set<Int>
    }

    public struct Attachment: Sendable, Equatable {
        /// `附件1`.
        public var label: String
        public var title: String
        public var table: Table?
        public var notes: [String]
    }

    /// The 版记: 抄送, then 印发机关 and 印发日期.
    public struct Colophon: Sendable, Equatable {
        public var copiesTo: String?
        public var printingOffice: String
        /// `2026年11月5日印发`.
        public var printedOn: String
    }

    /// The 发文机关标志: the issuing office's name and 文件.
    public var mark: String
    public var number: String
    public var title: String
    /// The 主送机关 line, colon included.
    public var addressees: String
    public var body: [Block]
    /// The attachments' titles as the 附件说明 lists them.
    public var attachmentTitles: [String]
    public var signature: String
    /// 成文日期 in Arabic numerals: `2026年11月5日`.
    public var date: String
    public var attachments: [Attachment]
    public var colophon: Colophon
}

/// 一 … 九十九, for heading numbers.
enum ChineseNumeral {
    private static let digits = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"]

    static func text(_ n: Int) -> String {
        guard n > 0, n < 100 else { return String(n) }
        if n < 10 { return digits[n] }
        let tens = n / 10, ones = n % 10
        return (tens == 1 ? "" : digits[tens]) + "十" + (ones == 0 ? "" : digits[ones])
    }
}
