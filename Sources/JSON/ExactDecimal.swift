/// Exact conversion of a validated number literal to a scaled `Int64`, without `Double`.
///
/// The literal is read as digits `D` (integer and fraction digits together) and an effective
/// exponent, so its value is `D × 10^(exponent − fractionLength)`; scaling by `10^decimals`
/// shifts that exponent. A negative shift must drop only zeros; a positive one multiplies.
enum ExactDecimal {
    /// Exponents are saturated here: beyond it every non-zero value is out of range or
    /// has too many decimals anyway, and the arithmetic below cannot overflow.
    private static let exponentLimit = 100_000

    static func scale(_ text: String, decimals: Int) -> JSONNumber.ScaledResult {
        var text = text
        return text.withUTF8 { scale($0, decimals: min(max(decimals, -1000), 1000)) }
    }

    private static func scale(_ bytes: UnsafeBufferPointer<UInt8>, decimals: Int) -> JSONNumber.ScaledResult {
        let parts = Parts(bytes)
        var shift = parts.exponent - parts.fractionLength + decimals
        var digits = parts.digits
        // Drop trailing zero digits first, so "1.2000" is as good as "1.2" and "0e999" is zero.
        while let last = digits.last, bytes[last] == UInt8(ascii: "0") {
            digits.removeLast()
            shift += 1
        }
        guard !digits.isEmpty else { return .value(0) }
        if shift < 0 { return .tooManyDecimals }
        guard let magnitude = magnitude(bytes, digits, shift: shift) else { return .outOfRange }
        return signed(magnitude, negative: parts.negative)
    }

    /// The digits read as an unsigned integer times `10^shift`, or nil on overflow.
    private static func magnitude(_ bytes: UnsafeBufferPointer<UInt8>, _ digits: [Int], shift: Int) -> UInt64? {
        var value: UInt64 = 0
        for position in digits {
            let (times10, o1) = value.multipliedReportingOverflow(by: 10)
            let (sum, o2) = times10.addingReportingOverflow(UInt64(bytes[position] &- UInt8(ascii: "0")))
            if o1 || o2 { return nil }
            value = sum
        }
        for _ in 0..<shift {
            let (times10, overflow) = value.multipliedReportingOverflow(by: 10)
            if overflow { return nil }
            value = times10
        }
        return value
    }

    private static func signed(_ magnitude: UInt64, negative: Bool) -> JSONNumber.ScaledResult {
        if negative {
            if magnitude == UInt64(Int64.max) + 1 { return .value(Int64.min) }
            guard magnitude <= UInt64(Int64.max) else { return .outOfRange }
            return .value(-Int64(magnitude))
        }
        guard magnitude <= UInt64(Int64.max) else { return .outOfRange }
        return .value(Int64(magnitude))
    }

    /// The pieces of a literal that the grammar has already validated.
    private struct Parts {
        var negative = false
        /// Positions of the significant digits, leading zeros skipped.
        var digits: [Int] = []
        var fractionLength = 0
        var exponent = 0

        init(_ bytes: UnsafeBufferPointer<UInt8>) {
            var i = 0
            if i < bytes.count, bytes[i] == UInt8(ascii: "-") {
                negative = true
                i += 1
            }
            digits.reserveCapacity(bytes.count)
            i = readDigits(bytes, from: i, countingFraction: false)
            if i < bytes.count, bytes[i] == UInt8(ascii: ".") {
                i = readDigits(bytes, from: i + 1, countingFraction: true)
            }
            if i < bytes.count, bytes[i] | 0x20 == UInt8(ascii: "e") {
                readExponent(bytes, from: i + 1)
            }
        }

        private mutating func readDigits(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, countingFraction: Bool) -> Int {
            var i = start
            while i < bytes.count, JSONNumberGrammar.isDigit(bytes[i]) {
                if !digits.isEmpty || bytes[i] != UInt8(ascii: "0") { digits.append(i) }
                if countingFraction { fractionLength += 1 }
                i += 1
            }
            return i
        }

        private mutating func readExponent(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) {
            var i = start
            var negativeExponent = false
            if i < bytes.count, bytes[i] == UInt8(ascii: "-") || bytes[i] == UInt8(ascii: "+") {
                negativeExponent = bytes[i] == UInt8(ascii: "-")
                i += 1
            }
            var value = 0
            while i < bytes.count, JSONNumberGrammar.isDigit(bytes[i]) {
                value = min(value * 10 + Int(bytes[i] &- UInt8(ascii: "0")), ExactDecimal.exponentLimit)
                i += 1
            }
            exponent = negativeExponent ? -value : value
        }
    }
}
