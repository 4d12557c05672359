/// The page and type of GB/T 9704-2012 in numbers, shared by the printable HTML and the Word
/// document (docs/NOTICE-FORMAT.md): A4, margins 37/35/28/26 mm, a 156 × 225 mm type area of
/// 22 lines of 28 characters, and the sizes of the 号 the standard names.
public enum NoticeLayout {
    public static let pageWidthMM = 210.0
    public static let pageHeightMM = 297.0
    public static let topMarginMM = 37.0
    public static let bottomMarginMM = 35.0
    public static let leftMarginMM = 28.0
    public static let rightMarginMM = 26.0
    public static let linesPerPage = 22
    public static let charactersPerLine = 28
    public static var typeAreaWidthMM: Double { pageWidthMM - leftMarginMM - rightMarginMM }
    public static var typeAreaHeightMM: Double { pageHeightMM - topMarginMM - bottomMarginMM }
    public static var typeAreaWidthPoints: Double { typeAreaWidthMM * 72 / 25.4 }

    /// 字号 in points: 初号 42, 二号 22, 三号 16, 四号 14, 小四 12, 五号 10.5.
    public static let size0 = 42.0
    public static let size2 = 22.0
    public static let size3 = 16.0
    public static let size4 = 14.0
    public static let sizeSmall4 = 12.0
    public static let size5 = 10.5

    /// The red of the 发文机关标志 and the rule under the number.
    public static let red = "C00000"

    /// How the 发文机关标志 fits on one line of the type area: the largest size up to 初号 at which
    /// it fits; when that is under 二号, 二号 with the glyphs narrowed to the width instead
    /// (the standard sizes the mark "醒目、美观、庄重" and at most 22 × 15 mm a character).
    public struct MarkFit: Sendable, Equatable {
        public var sizePoints: Double
        /// Horizontal glyph scale, percent (100: none).
        public var scalePercent: Int
    }

    public static func markFit(_ mark: String) -> MarkFit {
        let ems = widthInEms(mark)
        guard ems > 0 else { return MarkFit(sizePoints: size0, scalePercent: 100) }
        // 2 % slack for rounding and side bearings, so no word processor wraps it.
        let available = typeAreaWidthPoints * 0.98
        let fitted = (available / ems * 2).rounded(.down) / 2
        if fitted >= size2 { return MarkFit(sizePoints: min(size0, fitted), scalePercent: 100) }
        let scale = Int((available / (ems * size2) * 100).rounded(.down))
        return MarkFit(sizePoints: size2, scalePercent: max(scale, 1))
    }

    /// The 版记's 印发 line holds the printing office one character in from the left and the date
    /// one in from the right, 4号: a long office's name gets a smaller size so both stay on one line.
    public static func colophonSize(office: String, date: String) -> Double {
        let ems = widthInEms(office) + widthInEms(date) + 3  // two edge characters and a gap
        let fitted = (typeAreaWidthPoints * 0.98 / ems * 2).rounded(.down) / 2
        return min(size4, fitted)
    }

    /// Width of a line in ems: a full-width character is 1, an ASCII one 0.5.
    public static func widthInEms(_ text: String) -> Double {
        text.unicodeScalars.reduce(0) { $0 + ($1.isASCII ? 0.5 : 1) }
    }
}
