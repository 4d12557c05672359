import CalendarDates

/// Computes a period score from its inputs, exactly, in integer hundredths (docs/API.md).
public enum ScoreCalculator {
    /// The score, or nil when the institution is unranked (no counted inspection in the period).
    public static func score(_ inputs: ScoreInputs, scheme: ScoringScheme) -> PeriodScore? {
        guard let inspection = inspectionComponent(inputs.inspections, scheme: scheme) else { return nil }
        let ledger = ledgerComponent(inputs.ledgerMonths, scheme: scheme)
        let facility = inputs.facilityScoreTenths.map { $0 * 10 }
        let publicity = publicityComponent(inputs, scheme: scheme)
        let weighted: [(Int?, Int)] = [(inspection, scheme.inspectionWeight), (ledger, scheme.ledgerWeight),
                                       (facility, scheme.facilityWeight), (publicity, scheme.publicityWeight)]
        let applicable = weighted.compactMap { component, weight in component.map { ($0, weight) } }
        let weightSum = applicable.reduce(0) { $0 + $1.1 }
        let total = weightSum == 0 ? 0 : divideRounded(applicable.reduce(0) { $0 + $1.0 * $1.1 }, by: weightSum)
        return PeriodScore(inspection: inspection, ledger: ledger, facility: facility, publicity: publicity, total: total)
    }

    /// Mean total of counted inspections; semi-annual assessments, when present, weigh `semiannualShare`.
    static func inspectionComponent(_ inspections: [CountedInspection], scheme: ScoringScheme) -> Int? {
        guard !inspections.isEmpty else { return nil }
        let semiannual = inspections.filter { $0.kind == .semiannual }.map { Int($0.total.tenths) }
        let others = inspections.filter { $0.kind != .semiannual }.map { Int($0.total.tenths) }
        // tenths × 10 = hundredths; means are taken over sums to round only once
        if semiannual.isEmpty || others.isEmpty {
            let all = semiannual + others
            return divideRounded(all.reduce(0, +) * 10, by: all.count)
        }
        let share = scheme.semiannualShare
        let numerator = semiannual.reduce(0, +) * 10 * share * others.count
            + others.reduce(0, +) * 10 * (1000 - share) * semiannual.count
        return divideRounded(numerator, by: 1000 * semiannual.count * others.count)
    }

    /// Each due month: on time full credit, late `lateCredit`, missing nothing; nil when none was due.
    static func ledgerComponent(_ months: [ScoreInputs.LedgerMonth], scheme: ScoringScheme) -> Int? {
        guard !months.isEmpty else { return nil }
        let credit = months.reduce(0) { sum, month in
            switch month.outcome {
            case .onTime: sum + scheme.onTimeCredit
            case .late: sum + scheme.lateCredit
            case .missing: sum
            }
        }
        return divideRounded(credit * 10_000, by: months.count * 1000)
    }

    /// Training in every quarter of the period, and a pledge or commitment in the period.
    static func publicityComponent(_ inputs: ScoreInputs, scheme: ScoringScheme) -> Int {
        ((inputs.trainingInEveryQuarter ? scheme.trainingPoints : 0) + (inputs.pledgeInPeriod ? scheme.pledgePoints : 0)) * 100
    }

    /// Integer division rounding halves away from zero (scores are never negative).
    public static func divideRounded(_ numerator: Int, by denominator: Int) -> Int {
        (numerator * 2 + denominator) / (denominator * 2)
    }
}
