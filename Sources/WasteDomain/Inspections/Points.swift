import JSON

/// Rubric points as an exact count of tenths: scores carry at most one decimal (docs/API.md), so
/// sums such as 9.5 + 4.5 never drift the way floating point would.
public struct Points: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let tenths: Int64

    public init(tenths: Int64) {
        self.tenths = tenths
    }

    public static let zero = Points(tenths: 0)

    /// Why a number cannot be read as points.
    public enum ReadProblem: Error, Sendable, Equatable {
        case tooManyDecimals
        case tooLarge
    }

    /// Reads a JSON number exactly, refusing a second decimal (`9.55`) and absurd magnitudes.
    public static func read(_ number: JSONNumber) -> Result<Points, ReadProblem> {
        switch number.scaledInteger(decimals: 1) {
        case .value(let tenths): .success(Points(tenths: tenths))
        case .tooManyDecimals: .failure(.tooManyDecimals)
        case .outOfRange: .failure(.tooLarge)
        }
    }

    /// The JSON number, with one decimal only when needed (`9.5`, `10`).
    public var json: JSONNumber { JSONNumber(scaled: tenths, decimals: 1) }

    public var description: String { json.text }

    /// The value as a `Double`, for means and ratios computed downstream.
    public var value: Double { Double(tenths) / 10 }

    public static func + (lhs: Points, rhs: Points) -> Points { Points(tenths: lhs.tenths + rhs.tenths) }

    public static func < (lhs: Points, rhs: Points) -> Bool { lhs.tenths < rhs.tenths }
}
