/// OOXML lengths: twentieths of a point (twips) for page geometry, half-points for font sizes,
/// eighths of a point for borders.
public enum Length {
    /// Millimetres to twips (1 inch = 25.4 mm = 1440 twips), rounded to the nearest.
    public static func twips(millimetres: Double) -> Int { Int((millimetres * 1440 / 25.4).rounded()) }

    /// Points to twips.
    public static func twips(points: Double) -> Int { Int((points * 20).rounded()) }

    /// Points to half-points, the unit of `w:sz`.
    public static func halfPoints(_ points: Double) -> Int { Int((points * 2).rounded()) }
}
