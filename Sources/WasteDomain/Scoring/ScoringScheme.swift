/// How a period score is put together (docs/API.md, Scores and rankings); versioned by the API.
///
/// Weights are per mille so that scores are computed exactly in integers:
/// score = (inspection × 600 + ledger × 200 + facility × 100 + publicity × 100) / 1000.
public struct ScoringScheme: Sendable, Equatable {
    public var inspectionWeight = 600
    public var ledgerWeight = 200
    public var facilityWeight = 100
    public var publicityWeight = 100
    /// Share (per mille) of the inspection component given to semi-annual assessments when present.
    public var semiannualShare = 500
    /// Ledger month credit (per mille of a month): on time, late, missing.
    public var onTimeCredit = 1000
    public var lateCredit = 500
    /// Publicity points: training held in every quarter of the period, and a pledge or commitment.
    public var trainingPoints = 50
    public var pledgePoints = 50

    public init() {}

    public var totalWeight: Int { inspectionWeight + ledgerWeight + facilityWeight + publicityWeight }

    /// Why a scheme cannot be used, or nil when it can.
    public var problem: String? {
        let weights = [inspectionWeight, ledgerWeight, facilityWeight, publicityWeight]
        if weights.contains(where: { $0 < 0 }) { return "weights must not be negative" }
        if totalWeight != 1000 { return "weights must add up to 1 (they add up to \(Double(totalWeight) / 1000))" }
        if !(0...1000).contains(semiannualShare) { return "semiannual_share must be from 0 to 1" }
        if !(0...1000).contains(lateCredit) || !(0...1000).contains(onTimeCredit) { return "ledger credits must be from 0 to 1" }
        if trainingPoints < 0 || pledgePoints < 0 || trainingPoints + pledgePoints != 100 {
            return "training_points and pledge_points must add up to 100"
        }
        return nil
    }
}
