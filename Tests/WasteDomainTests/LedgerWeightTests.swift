import JSON
import Testing
@testable import WasteDomain

@Suite struct LedgerWeightTests {
    @Test(arguments: [
        ("12.5", Int64(12_500)), ("0.001", 1), ("1", 1000), ("100000", 100_000_000), ("1e2", 100_000),
        ("1.2000", 1200), (" 3.25 ", 3250), ("0.1", 100),
    ])
    func kilogramTextBecomesExactGrams(text: String, grams: Int64) {
        #expect(Weight.grams(fromKilograms: text) == .success(grams))
    }

    @Test(arguments: [
        ("0.0005", Weight.Problem.tooManyDecimals), ("1.2345", .tooManyDecimals), ("0", .outOfRange), ("-1", .outOfRange),
        ("100000.001", .outOfRange), ("1e30", .outOfRange), ("abc", .notANumber), ("NaN", .notANumber), ("1,5", .notANumber),
        ("", .notANumber),
    ])
    func badKilogramTextIsRefusedWithTheReason(text: String, problem: Weight.Problem) {
        #expect(Weight.grams(fromKilograms: text) == .failure(problem))
    }

    @Test(arguments: [(Int64(1500), "1.5"), (1, "0.001"), (2000, "2"), (123_456_789, "123456.789"), (0, "0")])
    func gramsAreWrittenAsShortestKilograms(grams: Int64, text: String) {
        #expect(Weight.kilogramsText(grams) == text)
        #expect(Weight.kilograms(grams).text == text)
    }

    @Test func tenThousandGramsSumToExactlyTenKilograms() {
        let grams = (0..<10_000).map { _ in
            guard case .success(let value) = Weight.grams(fromKilograms: "0.001") else { return Int64(0) }
            return value
        }
        #expect(Weight.sum(grams) == 10_000)
        #expect(Weight.kilogramsText(Weight.sum(grams)) == "10")
        // The float way drifts; the point of keeping grams.
        #expect((0..<10_000).reduce(0.0) { sum, _ in sum + 0.001 } != 10.0)
    }

    @Test func tenthsAndFifthsAddWithoutFloatDrift() {
        let sum = Weight.sum([100, 200])
        #expect(Weight.kilogramsText(sum) == "0.3")
    }
}
