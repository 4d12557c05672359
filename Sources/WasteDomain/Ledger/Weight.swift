import Foundation
import JSON

/// Weights are kept as integer grams so that sums are exact (docs/API.md, Conventions): `0.1 + 0.2` kg is
/// `300` g, never `0.30000000000000004`. Kilograms appear only at the edges, as decimal text.
public enum Weight {
    /// The largest weight of one ledger entry: 100 000 kg.
    public static let maximumEntryGrams: Int64 = 100_000_000

    /// Why a kilogram text is not a valid entry weight.
    public enum Problem: Error, Sendable, Equatable {
        case notANumber
        case tooManyDecimals
        case outOfRange
    }

    /// Parses kilograms written as a decimal (`"12.5"`, `"0.001"`, `"1e2"`) into grams:
    /// more than 3 decimals, zero, negatives and more than 100 000 kg are refused.
    public static func grams(fromKilograms text: String) -> Result<Int64, Problem> {
        guard let number = JSONNumber(text.trimmingCharacters(in: .whitespaces)) else { return .failure(.notANumber) }
        switch number.scaledInteger(decimals: 3) {
        case .tooManyDecimals: return .failure(.tooManyDecimals)
        case .outOfRange: return .failure(.outOfRange)
        case .value(let grams):
            guard grams > 0, grams <= maximumEntryGrams else { return .failure(.outOfRange) }
            return .success(grams)
        }
    }

    /// Grams as kilograms in shortest decimal form: `1500` → `"1.5"`, `1` → `"0.001"`, `2000` → `"2"`.
    public static func kilogramsText(_ grams: Int64) -> String {
        JSONNumber(scaled: grams, decimals: 3).text
    }

    /// Grams as a JSON number of kilograms, written from the integer (no float on the way).
    public static func kilograms(_ grams: Int64) -> JSONNumber {
        JSONNumber(scaled: grams, decimals: 3)
    }

    /// The exact sum of many weights.
    public static func sum(_ grams: some Sequence<Int64>) -> Int64 {
        grams.reduce(0, +)
    }
}
