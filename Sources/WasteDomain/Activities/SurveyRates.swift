/// Awareness (知晓率) and participation (参与率) rates of staff surveys, as exact fractions
/// rounded half up to 4 decimals (ten-thousandths), so the API never shows float noise.
public enum SurveyRates {
    public static let decimals = 4

    /// `part / whole` in ten-thousandths, rounded half up; nil when `whole` is not positive or
    /// `part` lies outside `0...whole`.
    public static func rate(_ part: Int64, of whole: Int64) -> Int64? {
        guard whole > 0, (0...whole).contains(part) else { return nil }
        let (scaled, overflow) = part.multipliedReportingOverflow(by: 20_000)
        guard !overflow else { return nil }
        return (scaled + whole) / (2 * whole)
    }
}
