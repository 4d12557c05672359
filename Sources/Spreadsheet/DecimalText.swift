/// Decimal numbers as text: the check the formula guard and the xlsx writer need, and the
/// conversion of what a spreadsheet stores (`1.2345E-2`, `12.345000000000001`) back into the
/// short exact text a person typed (`0.012345`, `12.345`).
enum DecimalText {
    /// `[+-]?digits[.digits]?` with an optional exponent: what a spreadsheet reads as a number.
    static func isDecimal(_ text: String) -> Bool {
        parse(text) != nil
    }

    /// `-?digits[.digits]?` without exponent or `+`: what an xlsx `<v>` may carry as we write it.
    static func isPlainDecimal(_ text: String) -> Bool {
        var scalars = Substring(text).unicodeScalars[...]
        if scalars.first == "-" { scalars = scalars.dropFirst() }
        let parts = scalars.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        guard let whole = parts.first, !whole.isEmpty, whole.allSatisfy(isDigit) else { return false }
        guard parts.count == 2 else { return true }
        return !parts[1].isEmpty && parts[1].allSatisfy(isDigit)
    }

    /// The number as plain decimal text rounded to 15 significant digits (what Excel shows; a
    /// binary double holds no more), without exponent or trailing zeros; nil if not a number.
    static func normalised(_ text: String) -> String? {
        guard let (negative, parsedDigits, parsedExponent) = parse(text) else { return nil }
        var digits = parsedDigits
        var exponent = parsedExponent
        // digits × 10^exponent; drop leading zeros, round to 15 significant digits
        while digits.first == 0 && digits.count > 1 { digits.removeFirst() }
        if digits.count > 15 {
            let roundUp = digits[15] >= 5
            exponent += digits.count - 15
            digits = Array(digits.prefix(15))
            if roundUp {
                var index = digits.count - 1
                while index >= 0 {
                    if digits[index] == 9 { digits[index] = 0; index -= 1 } else { digits[index] += 1; break }
                }
                if index < 0 { digits.insert(1, at: 0); digits.removeLast(); exponent += 1 }
            }
        }
        while digits.count > 1 && digits.last == 0 { digits.removeLast(); exponent += 1 }
        if digits == [0] { return "0" }
        var wholeDigits: [Int]
        var fraction: [Int]
        if exponent >= 0 {
            guard exponent <= 30 else { return nil }
            wholeDigits = digits + Array(repeating: 0, count: exponent)
            fraction = []
        } else if -exponent < digits.count {
            wholeDigits = Array(digits.dropLast(-exponent))
            fraction = Array(digits.suffix(-exponent))
        } else {
            guard -exponent <= 30 else { return "0" }
            wholeDigits = [0]
            fraction = Array(repeating: 0, count: -exponent - digits.count) + digits
        }
        if wholeDigits.isEmpty { wholeDigits = [0] }
        let text = wholeDigits.map(String.init).joined() + (fraction.isEmpty ? "" : "." + fraction.map(String.init).joined())
        return negative ? "-" + text : text
    }

    /// Sign, significant digits and the power of ten of the last digit.
    private static func parse(_ text: String) -> (Bool, [Int], Int)? {
        var scalars = Substring(text).unicodeScalars[...]
        var negative = false
        if let sign = scalars.first, sign == "-" || sign == "+" {
            negative = sign == "-"
            scalars = scalars.dropFirst()
        }
        var mantissa = scalars
        var exponent = 0
        if let e = scalars.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            mantissa = scalars[..<e]
            var power = scalars[scalars.index(after: e)...]
            var negativePower = false
            if let sign = power.first, sign == "-" || sign == "+" {
                negativePower = sign == "-"
                power = power.dropFirst()
            }
            guard !power.isEmpty, power.count <= 4, power.allSatisfy(isDigit), let value = Int(String(power)) else { return nil }
            exponent = negativePower ? -value : value
        }
        let parts = mantissa.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        guard let whole = parts.first, whole.allSatisfy(isDigit) else { return nil }
        let fraction = parts.count == 2 ? parts[1] : ""[...].unicodeScalars
        guard fraction.allSatisfy(isDigit), !(whole.isEmpty && fraction.isEmpty), whole.count + fraction.count <= 400 else {
            return nil
        }
        let digits = (whole + fraction).map { Int($0.value) - 48 }
        return (negative, digits, exponent - fraction.count)
    }

    private static func isDigit(_ scalar: Unicode.Scalar) -> Bool {
        ("0"..."9").contains(scalar)
    }
}
