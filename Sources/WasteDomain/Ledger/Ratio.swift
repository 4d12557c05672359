/// Exact rounded ratios for rates and per-capita figures, in integer arithmetic.
public enum Ratio {
    /// `numerator / denominator × 10^decimals`, rounded half away from zero, as an integer of
    /// `10^-decimals` units (a rate of 0.12345 with 4 decimals is `1235`); nil when the
    /// denominator is zero or the result does not fit.
    public static func scaled(_ numerator: Int64, over denominator: Int64, decimals: Int) -> Int64? {
        guard denominator != 0, (0...18).contains(decimals) else { return nil }
        var factor: Int64 = 1
        for _ in 0..<decimals { factor *= 10 }
        let negative = (numerator < 0) != (denominator < 0)
        let n = numerator.magnitude, d = denominator.magnitude
        // n × factor in 128 bits, then (2·n·factor + d) / (2·d) rounds half up.
        let product = n.multipliedFullWidth(by: UInt64(factor))
        let doubled = (high: product.high << 1 | product.low >> 63, low: product.low << 1)
        let (sumLow, carry) = doubled.low.addingReportingOverflow(d)
        let high = doubled.high + (carry ? 1 : 0)
        let divisor = d << 1
        guard d >> 63 == 0, high < divisor else { return nil }
        let (quotient, _) = divisor.dividingFullWidth((high: high, low: sumLow))
        guard quotient <= UInt64(Int64.max) else { return nil }
        return negative ? -Int64(quotient) : Int64(quotient)
    }
}
