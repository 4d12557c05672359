/// A JSON number, kept as the literal text that was parsed or written.
///
/// Keeping the text means decimals such as `0.1` never pass through `Double` on the way to
/// integer grams or fen: ``scaledInteger(decimals:)`` converts from the digits exactly.
/// Equality compares the text, so `1.0` and `1` are different numbers here.
public struct JSONNumber: Sendable, Hashable, CustomStringConvertible {
    /// The literal exactly as written; always valid RFC 8259 number syntax.
    public let text: String

    /// Wraps text the caller has already validated (the parser, the integer initializers).
    init(validatedText: String) {
        self.text = validatedText
    }

    /// A number from literal text; nil unless `text` is exactly one RFC 8259 number
    /// (no leading `+`, no leading zeros, no `NaN`/`Infinity`, no surrounding spaces).
    public init?(_ text: String) {
        guard JSONNumberGrammar.isValid(text) else { return nil }
        self.text = text
    }

    public init(_ value: Int64) {
        self.text = String(value)
    }

    public init(_ value: Int) {
        self.text = String(value)
    }

    /// A number in shortest round-trip form; nil for NaN and infinities, which JSON cannot express.
    public init?(_ value: Double) {
        guard value.isFinite else { return nil }
        self.text = value.description
    }

    /// The decimal `value / 10^decimals`, e.g. `JSONNumber(scaled: 1234, decimals: 3)` is `1.234`.
    public init(scaled value: Int64, decimals: Int) {
        var writer = JSONWriter(capacity: 24)
        writer.writeScaled(value, decimals: decimals)
        self.text = String(decoding: writer.bytes, as: UTF8.self)
    }

    public var description: String { text }

    /// The nearest `Double`; nil when the magnitude overflows to infinity (e.g. `1e400`).
    public var double: Double? {
        guard let value = Double(text), value.isFinite else { return nil }
        return value
    }

    /// The value as `Int64` when the literal is a plain integer (no fraction, no exponent) in range.
    /// `1.0` and `1e2` give nil on purpose: use `scaledInteger(decimals: 0)` to accept any
    /// literal whose exact value is an integer.
    public var int64: Int64? {
        Int64(text)
    }

    /// The outcome of an exact decimal-to-integer conversion.
    public enum ScaledResult: Sendable, Equatable {
        /// The exact value times `10^decimals`.
        case value(Int64)
        /// The number has non-zero digits beyond `decimals` places (trailing zeros are fine).
        case tooManyDecimals
        /// The scaled value does not fit in `Int64`.
        case outOfRange
    }

    /// The exact value times `10^decimals` as an integer, computed from the decimal digits.
    ///
    /// `"1.234"` with 3 decimals is 1234, `"12"` is 12000, `"1.5e2"` is 150000, `"1e-3"` is 1,
    /// `"1.2000"` is 1200 (trailing zeros carry no precision), `"-0"` is 0, and `"0.0005"` is
    /// `.tooManyDecimals`. `decimals` is clamped to -1000...1000.
    public func scaledInteger(decimals: Int) -> ScaledResult {
        ExactDecimal.scale(text, decimals: decimals)
    }
}
